package pvspec.model.state;

/**
 * How far a dying domain's teardown has gone: Xen's {@code d->arch.rel_priv} progress markers of
 * {@code domain_relinquish_resources} (domain.c:2453-2603), the stages a preempted
 * {@code XEN_DOMCTL_destroydomain} resumes from. Stages before the vCPUs' page tables (PCI
 * devices, IOMMU tables, p2m mappings, paging) and the {@code xenpage_list} pass hold nothing the
 * model has and are never preempted in it.
 */
public enum Relinquish {
    /** Alive: no teardown started ({@code rel_priv == 0}). */
    NONE,
    /** {@code PROG_vcpu_pagetables}: each vCPU's deferred put and base pointers (vcpu_destroy_pagetables). */
    VCPU_PAGETABLES,
    /** {@code PROG_l4}: the first {@code relinquish_memory} pass over the page list (drops pins and allocations). */
    L4,
    /** {@code PROG_l3}: the pass that tears down L3 tables still validated or partial. */
    L3,
    /** {@code PROG_l2}: the pass that tears down L2 tables still validated or partial. */
    L2,
    /** {@code PROG_done}: torn down; the domain is {@code DOMDYING_dead}. */
    DONE;

    /** The page-table level a {@code relinquish_memory} pass devalidates, or 0 for a stage that is none. */
    public int passLevel() {
        return switch (this) {
            case L4 -> 4;
            case L3 -> 3;
            case L2 -> 2;
            default -> 0;
        };
    }
}
