package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.DESC_BAD_DESCRIPTOR;
import static pvspec.model.abi.check.Check.DESC_BAD_TYPE;
import static pvspec.model.abi.check.Check.DESC_MISALIGNED;
import static pvspec.model.abi.check.Check.DESC_NOT_OWNED;
import static pvspec.model.abi.check.Check.GDT_BAD_FRAME;
import static pvspec.model.abi.check.Check.GDT_FRAME_LIST_UNREADABLE;
import static pvspec.model.abi.check.Check.GDT_TOO_MANY_ENTRIES;
import static pvspec.model.abi.check.Check.LDT_BAD_ARGS;
import static pvspec.model.abi.check.Check.SEG_DESC_INVALID;

import java.util.OptionalLong;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.check.Check;

/**
 * Descriptor tables ({@code pv/descriptor-tables.c}): {@code set_gdt}, {@code update_descriptor},
 * {@code MMUEXT_SET_LDT}, and Xen's {@code check_descriptor} for a 64-bit guest.
 */
final class DescOps {
    private DescOps() {}

    static final long FIRST_RESERVED_GDT_ENTRY = 14 * 512;

    /** {@code do_set_gdt} / {@code pv_set_gdt}. */
    static Result setGdt(Txn t, SetGdt h) {
        long entries = h.entries() & 0xFFFFFFFFL;
        if (entries > FIRST_RESERVED_GDT_ENTRY) throw Refused.of(GDT_TOO_MANY_ENTRIES);
        int n = (int) ((entries + 511) >>> 9);
        if (h.frames().size() < n) throw Refused.of(GDT_FRAME_LIST_UNREADABLE);
        FrameTable ft = t.ft;
        for (int i = 0; i < n; i++) {
            long mfn = h.frames().get(i);
            Check failed = take(t, mfn);
            if (failed != null) {
                for (int j = 0; j < i; j++) PageRefs.putPageAndType(t, (int) (long) h.frames().get(j));
                t.batchStoppedBy = failed; // what validation wrote back stays, as Xen writes in place
                return failed.result();
            }
        }
        long[] dt = t.dom.descTables[t.vcpu];
        int old = (int) dt[Dom.DT_GDT_FRAMES];
        for (int i = 0; i < old; i++) PageRefs.putPageAndType(t, (int) dt[Dom.DT_FRAME0 + i]);
        for (int i = 0; i < Dom.GDT_FRAMES_MAX; i++) {
            long v = i < n ? h.frames().get(i) : 0;
            if (dt[Dom.DT_FRAME0 + i] != v) t.setLong(dt, Dom.DT_FRAME0 + i, v);
        }
        t.setLong(dt, Dom.DT_GDT_FRAMES, n);
        t.setLong(dt, Dom.DT_GDT_ENTS, entries);
        TlbOps.flushLocal(t, t.dom, t.vcpu);
        return Result.OK;
    }

    /** {@code get_page_and_type(page, d, PGT_seg_desc_page)}: null when taken, else the check that failed (nothing taken). */
    private static Check take(Txn t, long mfn) {
        FrameTable ft = t.ft;
        if (!ft.valid(mfn)) return GDT_BAD_FRAME;
        int f = (int) mfn;
        t.needFrame(f);
        if (ft.owner[f] != t.me || FrameTable.count(ft.countInfo.get(f)) <= 0) return GDT_BAD_FRAME;
        long ti = ft.typeInfo.get(f);
        if (FrameTable.typeCount(ti) > 0) {
            if (FrameTable.type(ti) != FrameTable.SEG_DESC) return GDT_BAD_FRAME;
            PageRefs.getPage(t, mfn, t.me, GDT_BAD_FRAME);
            t.setTypeInfo(f, FrameTable.typeInfo(FrameTable.SEG_DESC, FrameTable.typeCount(ti) + 1, FrameTable.pinned(ti)));
            return null;
        }
        // A type change: the owner's writable translations go (mm.c:3037-3058), then validation
        // checks every descriptor and stores it fixed up, stopping at the first refused one.
        TlbOps.forgetWritableIn(t, t.dom, f);
        for (int i = 0; i < ft.entries; i++) {
            long d = ft.entry(f, i);
            OptionalLong fixed = check(d);
            if (fixed.isEmpty()) return SEG_DESC_INVALID;
            if (fixed.getAsLong() != d) t.setEntry(f, i, fixed.getAsLong());
        }
        PageRefs.getPage(t, mfn, t.me, GDT_BAD_FRAME);
        t.setTypeInfo(f, FrameTable.typeInfo(FrameTable.SEG_DESC, 1, FrameTable.pinned(ti)));
        return null;
    }

    /** {@code do_update_descriptor}. */
    static Result updateDescriptor(Txn t, UpdateDescriptor h) {
        if ((h.offset() & 7) != 0) throw Refused.of(DESC_MISALIGNED);
        long stored = h.desc();
        if (t.checks.updateDescriptorChecked()) {
            OptionalLong fixed = check(h.desc());
            if (fixed.isEmpty()) throw Refused.of(DESC_BAD_DESCRIPTOR);
            stored = fixed.getAsLong();
        }
        FrameTable ft = t.ft;
        long mfn = h.mfn();
        if (!ft.valid(mfn)) throw Refused.of(DESC_NOT_OWNED);
        int f = (int) mfn;
        t.needFrame(f);
        if (ft.owner[f] != t.me || FrameTable.count(ft.countInfo.get(f)) <= 0) throw Refused.of(DESC_NOT_OWNED);
        if (h.offset() < 0 || h.offset() / 8 >= ft.entries) throw Refused.of(DESC_NOT_OWNED);
        long ti = ft.typeInfo.get(f);
        int type = FrameTable.type(ti);
        if (FrameTable.typeCount(ti) > 0 && type != FrameTable.SEG_DESC && type != FrameTable.WRITABLE) throw Refused.of(DESC_BAD_TYPE);
        t.setEntry(f, (int) (h.offset() / 8), stored);
        t.setInt(ft.dataTag, f, t.me);
        return Result.OK;
    }

    /** {@code MMUEXT_SET_LDT}: recorded; the LDT is mapped lazily on a segment load, which no guest of pvspec makes. */
    static void setLdt(Txn t, long va, long ents) {
        long n = ents & 0xFFFFFFFFL;
        boolean addrOk = va >= 0 && va < t.hv.config.vaPages() && !t.hv.config.hypervisorRange(va);
        if (n > 8192 || n != 0 && !addrOk) throw Refused.of(LDT_BAD_ARGS);
        long base = n == 0 ? 0 : va;
        long[] dt = t.dom.descTables[t.vcpu];
        if (dt[Dom.DT_LDT_ENTS] != n) t.setLong(dt, Dom.DT_LDT_ENTS, n);
        if (dt[Dom.DT_LDT_BASE] != base) t.setLong(dt, Dom.DT_LDT_BASE, base);
    }

    /** {@code pv_destroy_gdt} at teardown. */
    static void destroyGdt(Txn t, Dom d, int v) {
        long[] dt = d.descTables[v];
        int n = (int) dt[Dom.DT_GDT_FRAMES];
        for (int i = 0; i < n; i++) PageRefs.putPageAndType(t, (int) dt[Dom.DT_FRAME0 + i]);
        for (int i = 0; i < dt.length; i++) if (dt[i] != 0) t.setLong(dt, i, 0);
    }

    // ------------------------------------------------------------ check_descriptor (64-bit guest)

    /** The descriptor as Xen stores it, or empty when Xen refuses it. */
    static OptionalLong check(long desc) {
        long a = desc & 0xFFFFFFFFL;
        long b = desc >>> 32;
        if ((b & 0x8000) == 0) return OptionalLong.of(desc); // not present
        long dpl = Math.max((b >>> 13) & 3, 3); // RPL of a 64-bit guest kernel
        b = (b & ~0x6000L) | dpl << 13;
        if ((b & 0x1000) != 0) return OptionalLong.of(a | b << 32); // code or data
        long type = b & 0xF00;
        if (type == 0) return OptionalLong.of(desc); // the second half of a call gate, stored as given
        if (type != 0xC00) return OptionalLong.empty();
        long cs = a >>> 16;
        boolean gateOk = (cs >>> 3) < FIRST_RESERVED_GDT_ENTRY || cs == 0xe033 || (cs & 4) != 0;
        if (!gateOk) return OptionalLong.empty();
        b &= ~0x6000L;
        cs = (cs & ~3L) | dpl;
        a = (a & 0xFFFF) | cs << 16;
        if ((b & 0xFF) != 0) return OptionalLong.empty();
        return OptionalLong.of(a | b << 32);
    }
}
