package pvspec.properties.gen;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.UpdateDescriptor;

/** Descriptor tables: set_gdt, update_descriptor, MMUEXT_SET_LDT, with descriptors Xen allows and refuses. */
final class DescriptorRequests {
    /** A flat code segment at DPL 0 and 3, a data segment, a not-present entry, a call gate to FLAT_KERNEL_CS. */
    static final long[] ALLOWED = {0x00af9a000000ffffL, 0x00affa000000ffffL, 0x00cf92000000ffffL, 0, 0x0000ec00e0330000L};
    /** A call gate to Xen's selector 0xe008, one with reserved bits, a 64-bit TSS, an LDT descriptor. */
    static final long[] REFUSED = {0x0000ec00e0080000L, 0x0000ec01e0330000L, 0x0000890000000067L, 0x0000820000000000L};

    private final StateView v;
    private final Pick p;
    private final int me;

    DescriptorRequests(StateView v, Pick p, Caller c) {
        this.v = v;
        this.p = p;
        this.me = c.domain();
    }

    Hypercall next(boolean hostile) {
        // set_gdt the least: a successful one flushes the vCPU's TLB (descriptor-tables.c:134),
        // and the stale translations some seeded bugs need would go with it.
        switch (p.below(5)) {
            case 0: return setGdt(hostile);
            case 1: case 2: case 3: return updateDescriptor(hostile);
            default: return setLdt(hostile);
        }
    }

    /** Half the GDTs are released again (0 entries): a frame held as a descriptor page is one the page-table requests lose. */
    private Hypercall setGdt(boolean hostile) {
        long entries = hostile ? p.one(7169L, 1025L, -1L, 513L) : p.chance(0.5) ? 0 : p.one(1L, 512L, 513L);
        List<Long> frames = new ArrayList<>();
        for (int i = p.below(3); i > 0; i--) frames.add(frame(hostile));
        return new SetGdt(frames, entries);
    }

    private Hypercall updateDescriptor(boolean hostile) {
        long offset = hostile && p.chance(0.4) ? p.one(4L, -8L, 8L * v.c.entries()) : 8L * p.below(v.c.entries());
        long desc = hostile && p.chance(0.6) ? REFUSED[p.below(REFUSED.length)] : ALLOWED[p.below(ALLOWED.length)];
        return new UpdateDescriptor(frame(hostile), offset, desc);
    }

    private Hypercall setLdt(boolean hostile) {
        long va = hostile && p.chance(0.5) ? p.garbage(v.c.vaPages()) : p.below((int) Math.min(1 << 20, v.c.vaPages()));
        long ents = hostile ? p.one(8193L, 1L, 0L) : p.one(0L, 1L, 8192L);
        return new MmuextOp(List.of(new MmuextOp.SetLdt(va, ents)));
    }

    /** One of the caller's spare frames mostly; hostile, another domain's, a page table, or no frame. */
    private long frame(boolean hostile) {
        if (hostile && p.chance(0.5)) return p.chance(0.5) ? p.of(v.foreign(me), 0L) : p.of(v.tables(me, 1), p.garbage(v.c.frames()));
        return p.of(v.untyped(me), p.of(v.frames(me), 0L));
    }
}
