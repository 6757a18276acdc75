package pvspec.model.abi;

import java.util.List;

/** {@code HYPERVISOR_memory_op}: give frames to a domain, take them back, and ask how many it has and may have. */
public sealed interface MemoryOp extends Hypercall {

    @Override
    default String kind() {
        return "memory_op " + name();
    }

    String name();

    /**
     * {@code XENMEM_populate_physmap} (alias {@code increase_reservation}): allocate up to
     * {@code count} frames to {@code dom}, lowest free frame first.
     */
    record PopulatePhysmap(int dom, long count) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.populatePhysmap(this); }
        @Override public String name() { return "populate_physmap"; }
    }

    /** {@code XENMEM_decrease_reservation}: {@code dom} gives up these frames. */
    record DecreaseReservation(int dom, List<Long> mfns) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.decreaseReservation(this); }
        public DecreaseReservation {
            mfns = List.copyOf(mfns);
        }

        @Override public String name() { return "decrease_reservation"; }
    }

    /** {@code XENMEM_maximum_reservation}: {@code dom}'s {@code max_pages}. */
    record MaximumReservation(int dom) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.maximumReservation(this); }
        @Override public String name() { return "maximum_reservation"; }
    }

    /** {@code XENMEM_current_reservation}: how many frames {@code dom} holds ({@code domain_tot_pages}). */
    record CurrentReservation(int dom) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.currentReservation(this); }
        @Override public String name() { return "current_reservation"; }
    }

    /**
     * {@code XENMEM_exchange}: {@code dom} gives up the extents of {@code in} (each the first
     * frame of {@code 2^inOrder}) for {@code outNrExtents} new extents of {@code 2^outOrder}
     * frames, starting after the {@code nrExchanged} input extents a previous call exchanged.
     * The guest handles are values: {@code in} is {@code in.extent_start} and its length is
     * {@code in.nr_extents}; the output list is written, not read (a PV guest's gpfns only set
     * M2P entries, which the model does not keep).
     *
     * @param outDom {@code out.domid}, which must equal {@code dom}
     */
    record Exchange(int dom, List<Long> in, int inOrder, long outNrExtents, int outOrder, int outDom, long nrExchanged) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.exchange(this); }
        public Exchange {
            in = List.copyOf(in);
        }

        @Override public String name() { return "exchange"; }
    }

    /** A sub-command number outside pvspec's ABI. */
    record Unknown(int cmd) implements MemoryOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.memoryOp(this);
    }

    /** Dispatch on the kind of MemoryOp; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of MemoryOp: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R populatePhysmap(PopulatePhysmap h);
        R decreaseReservation(DecreaseReservation h);
        R maximumReservation(MaximumReservation h);
        R currentReservation(CurrentReservation h);
        R exchange(Exchange h);
        R unknown(Unknown h);
    }
}
