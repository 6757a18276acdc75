package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_mmuext_op}: pinning, base pointers, TLB and page operations, processed in
 * order until the first refused one.
 *
 * @param foreigndom whose frames the pin, unpin, clear and copy commands name
 *     ({@code get_pg_owner}, as a {@code domid_t}): {@link DomId#DOMID_SELF}, or (the control
 *     domain building a guest) another domain
 */
public record MmuextOp(List<Op> ops, int foreigndom) implements Hypercall {
    public MmuextOp {
        ops = List.copyOf(ops);
    }

    public MmuextOp(List<Op> ops) {
        this(ops, DomId.DOMID_SELF);
    }

    public static MmuextOp of(Op... ops) {
        return new MmuextOp(List.of(ops));
    }

    /** A batch: refused entries report how many before them were done. */
    @Override
    public boolean isBatch() {
        return true;
    }

    @Override
    public String kind() {
        return "mmuext_op";
    }

    @Override
    public String kindOfEach() {
        List<String> names = new java.util.ArrayList<>();
        for (Op op : ops) names.add(op.name());
        return kind() + " " + String.join(";", names);
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.mmuextOp(this);
    }

    /** One extended MMU command ({@code MMUEXT_*}). */
    public sealed interface Op
            permits Pin, Unpin, NewBaseptr, TlbFlushLocal, InvlpgLocal, TlbFlushAll, InvlpgAll,
                    ClearPage, FlushCache, MarkSuper, UnmarkSuper, TlbFlushMulti, InvlpgMulti, FlushCacheGlobal,
                    CopyPage, NewUserBaseptr, Unknown {
        /** The command's name as the trace writes it, e.g. {@code pin_l1_table}. */
        String name();

        /** Dispatch on the command; the compiler checks that a visitor handles every one. */
        <R> R accept(Visitor<R> v);

        /** One method per {@code MMUEXT_*} command: adding one fails compilation wherever it is not handled. */
        interface Visitor<R> {
            R pin(Pin op);
            R unpin(Unpin op);
            R newBaseptr(NewBaseptr op);
            R tlbFlushLocal(TlbFlushLocal op);
            R invlpgLocal(InvlpgLocal op);
            R tlbFlushAll(TlbFlushAll op);
            R invlpgAll(InvlpgAll op);
            R clearPage(ClearPage op);
            R flushCache(FlushCache op);
            R markSuper(MarkSuper op);
            R unmarkSuper(UnmarkSuper op);
            R tlbFlushMulti(TlbFlushMulti op);
            R invlpgMulti(InvlpgMulti op);
            R flushCacheGlobal(FlushCacheGlobal op);
            R copyPage(CopyPage op);
            R newUserBaseptr(NewUserBaseptr op);
            R unknown(Unknown op);
        }
    }

    /** {@code MMUEXT_PIN_L<level>_TABLE}: validate {@code mfn} as a level-{@code level} table and keep it so. */
    public record Pin(int level, long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.pin(this); }
        @Override public String name() { return "pin_l" + level + "_table"; }
    }

    /** {@code MMUEXT_UNPIN_TABLE}. */
    public record Unpin(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.unpin(this); }
        @Override public String name() { return "unpin_table"; }
    }

    /** {@code MMUEXT_NEW_BASEPTR}: make {@code mfn} the calling vCPU's top-level table. */
    public record NewBaseptr(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.newBaseptr(this); }
        @Override public String name() { return "new_baseptr"; }
    }

    /** {@code MMUEXT_TLB_FLUSH_LOCAL}: flush the calling vCPU's TLB. */
    public record TlbFlushLocal() implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.tlbFlushLocal(this); }
        @Override public String name() { return "tlb_flush_local"; }
    }

    /** {@code MMUEXT_INVLPG_LOCAL}: drop one address from the calling vCPU's TLB. */
    public record InvlpgLocal(long va) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.invlpgLocal(this); }
        @Override public String name() { return "invlpg_local"; }
    }

    /** {@code MMUEXT_TLB_FLUSH_ALL}: flush the TLBs of all the caller's vCPUs. */
    public record TlbFlushAll() implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.tlbFlushAll(this); }
        @Override public String name() { return "tlb_flush_all"; }
    }

    /** {@code MMUEXT_INVLPG_ALL}: drop one address from the TLBs of all the caller's vCPUs. */
    public record InvlpgAll(long va) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.invlpgAll(this); }
        @Override public String name() { return "invlpg_all"; }
    }

    /** {@code MMUEXT_CLEAR_PAGE}: zero one of the caller's frames that could be writable. */
    public record ClearPage(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.clearPage(this); }
        @Override public String name() { return "clear_page"; }
    }

    /** {@code MMUEXT_FLUSH_CACHE}: needs cache-flush permission (I/O privilege). */
    public record FlushCache() implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.flushCache(this); }
        @Override public String name() { return "flush_cache"; }
    }

    /**
     * {@code MMUEXT_TLB_FLUSH_MULTI}: flush the TLBs of the caller's vCPUs in {@code vcpumask} (bit
     * {@code n} for vCPU {@code n}; a value, where Xen reads a guest bitmap).
     */
    public record TlbFlushMulti(long vcpumask) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.tlbFlushMulti(this); }
        @Override public String name() { return "tlb_flush_multi"; }
    }

    /** {@code MMUEXT_INVLPG_MULTI}: drop {@code va}'s translation on the caller's vCPUs in {@code vcpumask}. */
    public record InvlpgMulti(long va, long vcpumask) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.invlpgMulti(this); }
        @Override public String name() { return "invlpg_multi"; }
    }

    /** {@code MMUEXT_FLUSH_CACHE_GLOBAL}: as {@link FlushCache} (Xen's cases fall through). */
    public record FlushCacheGlobal() implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.flushCacheGlobal(this); }
        @Override public String name() { return "flush_cache_global"; }
    }

    /** {@code MMUEXT_COPY_PAGE}: copy frame {@code srcMfn} into frame {@code mfn}, both the caller's. */
    public record CopyPage(long mfn, long srcMfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.copyPage(this); }
        @Override public String name() { return "copy_page"; }
    }

    /** {@code MMUEXT_MARK_SUPER}: PV superpages were removed from Xen. */
    public record MarkSuper(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.markSuper(this); }
        @Override public String name() { return "mark_super"; }
    }

    /** {@code MMUEXT_UNMARK_SUPER}: PV superpages were removed from Xen. */
    public record UnmarkSuper(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.unmarkSuper(this); }
        @Override public String name() { return "unmark_super"; }
    }

    /**
     * {@code MMUEXT_NEW_USER_BASEPTR}: make {@code mfn} the top-level table the calling vCPU's user
     * mode runs on ({@code guest_table_user}); {@code mfn} 0 clears it.
     */
    public record NewUserBaseptr(long mfn) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.newUserBaseptr(this); }
        @Override public String name() { return "new_user_baseptr"; }
    }

    /** A command number outside pvspec's ABI. */
    public record Unknown(int cmd, long arg) implements Op {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }
}
