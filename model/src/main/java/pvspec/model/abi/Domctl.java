package pvspec.model.abi;

/** {@code HYPERVISOR_domctl}: the control domain's management of other domains. */
public sealed interface Domctl extends Hypercall {

    @Override
    default String kind() {
        return "domctl " + name();
    }

    String name();

    /** Create a domain with {@code vcpus} vCPUs that may hold up to {@code maxPages} frames; returns its id. */
    record CreateDomain(long maxPages, int vcpus) implements Domctl {
        @Override public <R> R accept(Visitor<R> v) { return v.createDomain(this); }
        @Override public String name() { return "createdomain"; }
    }

    /**
     * Tear a domain down and release everything it holds.
     *
     * @param preempt which evaluation of {@code hypercall_preempt_check()} during this call returns
     *     true ({@code domain_relinquish_resources}' puts and {@code relinquish_memory}'s loop), 0
     *     for none (trace syntax {@code @preempt=N}; docs/trace-syntax.md)
     */
    record DestroyDomain(int dom, int preempt) implements Domctl {
        /** A teardown the preemption check never stops. */
        public DestroyDomain(int dom) {
            this(dom, 0);
        }

        @Override public <R> R accept(Visitor<R> v) { return v.destroyDomain(this); }
        @Override public String name() { return "destroydomain"; }
    }

    record PauseDomain(int dom) implements Domctl {

        @Override public <R> R accept(Visitor<R> v) { return v.pauseDomain(this); }
        @Override public String name() { return "pausedomain"; }
    }

    record UnpauseDomain(int dom) implements Domctl {

        @Override public <R> R accept(Visitor<R> v) { return v.unpauseDomain(this); }
        @Override public String name() { return "unpausedomain"; }
    }

    /** Set how many frames {@code dom} may hold. */
    record MaxMem(int dom, long pages) implements Domctl {
        @Override public <R> R accept(Visitor<R> v) { return v.maxMem(this); }
        @Override public String name() { return "max_mem"; }
    }

    /** A sub-command number outside pvspec's ABI. */
    record Unknown(int cmd) implements Domctl {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.domctl(this);
    }

    /** Dispatch on the kind of Domctl; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of Domctl: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R createDomain(CreateDomain h);
        R destroyDomain(DestroyDomain h);
        R pauseDomain(PauseDomain h);
        R unpauseDomain(UnpauseDomain h);
        R maxMem(MaxMem h);
        R unknown(Unknown h);
    }
}
