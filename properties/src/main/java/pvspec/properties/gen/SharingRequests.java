package pvspec.properties.gen;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.state.Maptrack;

/**
 * Requests that connect domains: event channels (offer, bind, send, close, IPIs, VIRQs) and
 * grants (offer, revoke, map, unmap), with hostile variants (other domains' ports, ports not
 * offered to the caller, read-only grants mapped writable, revoking mapped grants).
 */
final class SharingRequests {
    private final StateView v;
    private final Pick p;
    private final Caller c;
    private final int me;

    SharingRequests(StateView v, Pick p, Caller c) {
        this.v = v;
        this.p = p;
        this.c = c;
        this.me = c.domain();
    }

    private int otherDomain() {
        List<Integer> doms = v.runningDomains();
        return p.of(doms, 0);
    }

    private int port(boolean hostile) {
        if (hostile) return p.chance(0.5) ? (int) Math.max(Integer.MIN_VALUE, p.garbage(v.c.ports())) : p.below(v.c.ports());
        return p.of(v.openPorts(me), 1 + p.below(v.c.ports() - 1));
    }

    Hypercall eventChannel(boolean hostile) {
        int k = p.below(hostile ? 10 : 13);
        if (hostile && k == 9) k = p.chance(0.5) ? 11 : 12;
        switch (k) {
            case 0: return new EventChannelOp.AllocUnbound(hostile ? otherDomain() : DomId.DOMID_SELF, otherDomain());
            case 1: case 2: {
                int[] offer = p.of(v.offeredPorts(me), null);
                if (offer == null || hostile) return new EventChannelOp.BindInterdomain(otherDomain(), port(true));
                return new EventChannelOp.BindInterdomain(offer[0], offer[1]);
            }
            case 3: return new EventChannelOp.BindVirq(hostile ? p.one(3, 24, -1, 11) : p.one(0, 1, 11), p.below(v.vcpus(me) + (hostile ? 2 : 0)));
            case 4: return new EventChannelOp.BindIpi(p.below(v.vcpus(me) + (hostile ? 2 : 0)));
            case 5: return new EventChannelOp.Close(port(hostile));
            case 6: case 7: return new EventChannelOp.Send(port(hostile));
            case 8: return new EventChannelOp.Status(hostile ? otherDomain() : DomId.DOMID_SELF, port(hostile));
            case 9: return new EventChannelOp.Unmask(port(false));
            case 11: return new EventChannelOp.BindVcpu(port(hostile), p.below(v.vcpus(me) + (hostile ? 2 : 0)));
            case 12: {
                // A reset closes every port: mostly the caller's own (from dom0, also a guest's).
                int dom = hostile || me == 0 && p.chance(0.5) ? otherDomain() : DomId.DOMID_SELF;
                return new EventChannelOp.Reset(dom, p.chance(0.2));
            }
            default: return p.chance(0.6) ? new EventChannelWrite.ClearEvtchn(port(false)) : new EventChannelWrite.MaskEvtchn(port(false));
        }
    }

    Hypercall grantTable(boolean hostile) {
        int refs = v.c.grants();
        switch (p.below(9)) {
            case 0: case 1: {
                long frame = hostile && p.chance(0.5) ? p.of(v.foreign(me), 0L) : p.of(v.frames(me), 0L);
                return new GrantTableWrite.Grant(hostile && p.chance(0.3) ? refs : p.below(refs), otherDomain(), frame, p.chance(0.3));
            }
            case 2: return new GrantTableWrite.EndAccess(p.below(refs + (hostile ? 1 : 0)));
            case 3: case 4: {
                int[] offer = p.of(v.offeredGrants(me), null);
                int dom = offer == null || hostile && p.chance(0.5) ? otherDomain() : offer[0];
                int ref = offer == null || hostile && p.chance(0.5) ? p.below(refs + 1) : offer[1];
                int flags = (p.chance(0.8) ? GrantTableOp.GNTMAP_host_map : 0) | (p.chance(0.4) ? GrantTableOp.GNTMAP_readonly : 0)
                        | (p.chance(0.35) ? GrantTableOp.GNTMAP_device_map : 0) | (p.chance(0.2) ? GrantTableOp.GNTMAP_contains_pte : 0);
                if (hostile && p.chance(0.2)) flags = p.one(0, GrantTableOp.GNTMAP_device_map, 1 << 5);
                boolean pte = (flags & GrantTableOp.GNTMAP_contains_pte) != 0;
                return new GrantTableOp.MapGrantRef(dom, ref, flags, pte ? pteAddress(hostile) : new PageTableRequests(v, p, c).va());
            }
            case 6: return new GrantTableWrite.AcceptTransfer(p.below(refs + (hostile ? 1 : 0)), otherDomain());
            case 7: return transfer(hostile, refs);
            case 8: return sizeOrCopy(hostile);
            default: { // case 5: an unmap, or a quarter of the time a swap (swap15)
                if (p.chance(0.25)) return swap(hostile);
                int handle = hostile ? p.below(refs + 2) - 1 : p.of(v.handles(me), 0);
                Maptrack m = v.s.domains().containsKey(me) ? v.s.dom(me).maptrack().get(handle) : null;
                long host = p.chance(0.15) ? 0 : m != null && m.containsPte() ? pteAddress(hostile) : new PageTableRequests(v, p, c).va();
                if (p.chance(0.2)) return new GrantTableOp.UnmapAndReplace(handle, host, p.chance(0.2) ? 0 : new PageTableRequests(v, p, c).va());
                // A device address: mostly the frame's, sometimes another frame's (GNTST_bad_dev_addr).
                long dev = p.chance(0.4) ? 0 : m != null && p.chance(0.7) ? m.frame() << 12 : (long) p.below(v.c.frames()) << 12;
                return new GrantTableOp.UnmapGrantRef(handle, host, dev);
            }
        }
    }

    /**
     * {@code setup_table}, {@code query_size} and {@code copy}: mostly the caller's own table, its
     * own frames and the grants offered to it; hostile, other domains' tables, page tables as
     * destinations, frames named with a domain id, copies beyond the page.
     */
    private Hypercall sizeOrCopy(boolean hostile) {
        int dom = hostile && p.chance(0.5) ? otherDomain() : DomId.DOMID_SELF;
        switch (p.below(4)) {
            case 0: return new GrantTableOp.SetupTable(dom, p.below(v.c.grantFrames() + (hostile ? 2 : 1)), frameList(hostile));
            case 1: return tableQuery(hostile, dom);
            default: {
                long[] from = copySide(hostile, false);
                long[] to = copySide(hostile, true);
                int len = hostile && p.chance(0.3) ? p.one(0, 4097) : 8 * (1 + p.below(v.c.entries()));
                int offset = hostile && p.chance(0.3) ? 4092 : 8 * p.below(v.c.entries());
                int flags = (int) (from[0] * GrantTableOp.GNTCOPY_source_gref | to[0] * GrantTableOp.GNTCOPY_dest_gref);
                return new GrantTableOp.Copy(flags, from[1], (int) from[2], p.chance(0.5) ? 0 : offset,
                        to[1], (int) to[2], p.chance(0.5) ? 0 : offset, len);
            }
        }
    }

    /**
     * A setup_table frame list (a linear address): mostly 8-byte aligned in a page the caller maps
     * writable; hostile, a page it maps read-only or not at all, a list running into the next
     * page, the hypervisor's range (EFAULT), or garbage.
     */
    private long frameList(boolean hostile) {
        List<Long> writable = v.writablePages(me, c.vcpu());
        if (!hostile || p.chance(0.3)) return p.of(writable, 0L) << 12 | 8L * p.below(4);
        switch (p.below(4)) {
            case 0: return p.of(v.l1Addresses(me, c.vcpu()), (long) p.below((int) Math.min(1 << 20, v.c.vaPages()))) << 12;
            case 1: return p.of(writable, 0L) << 12 | p.one(4088L, 4092L);
            case 2: return v.c.reservedFirst() * (v.c.vaPages() / v.c.entries()) << 12;
            default: return p.garbage(v.c.vaPages() << 12);
        }
    }

    /**
     * {@code query_size}, or the version requests (gv2): {@code set_version} mostly to 1 or 2
     * (hostile: 0 or 3), {@code get_version}, {@code get_status_frames} of at most one frame
     * more than a v2 table of this configuration has (one).
     */
    private Hypercall tableQuery(boolean hostile, int dom) {
        switch (p.below(4)) {
            case 0: return new GrantTableOp.QuerySize(dom);
            case 1: return new GrantTableOp.SetVersion(hostile && p.chance(0.3) ? p.one(0, 3) : 1 + p.below(2));
            case 2: return new GrantTableOp.GetVersion(dom);
            // The list at address 0, mapped writable or not as the world has it: no draw of its own,
            // so the stream the seeded bugs' detection budgets were measured on stays the same.
            default: return new GrantTableOp.GetStatusFrames(dom, p.below(hostile ? 3 : 2), 0L);
        }
    }

    /**
     * {@code swap_grant_ref}: two entries of the caller's own table, one often an entry a grantee
     * maps (GNTST_eagain); hostile, the other beyond the table.
     */
    private Hypercall swap(boolean hostile) {
        int refs = v.s.domains().containsKey(me) ? v.s.dom(me).grants().size() : v.c.grants();
        int a = p.of(v.mappedGrants(me), p.below(refs));
        int b = hostile && p.chance(0.3) ? refs + p.below(2) : p.below(refs);
        return p.chance(0.5) ? new GrantTableOp.SwapGrantRef(a, b) : new GrantTableOp.SwapGrantRef(b, a);
    }

    /** One side of a copy: {gref?, ref or frame, domain}; a grant offered to the caller, or a frame of its own (hostile: a page table, another's). */
    private long[] copySide(boolean hostile, boolean dest) {
        int[] offer = p.of(v.offeredGrants(me), null);
        if (offer != null && p.chance(0.5)) return new long[] {1, hostile && p.chance(0.3) ? p.below(v.c.grants() + 1) : offer[1], offer[0]};
        long frame = p.of(v.frames(me), 0L);
        if (hostile && p.chance(0.5)) frame = dest ? p.of(v.tables(me, 1), frame) : p.of(v.foreign(me), frame);
        return new long[] {0, frame, hostile && p.chance(0.3) ? me : DomId.DOMID_SELF};
    }

    /**
     * {@code GNTTABOP_transfer}: mostly a frame of the caller's that nothing uses into an entry that
     * accepts from it; hostile, a frame in use (mapped, pinned, typed), another domain's frame, or
     * an entry that does not accept.
     */
    private Hypercall transfer(boolean hostile, int refs) {
        int[] accept = p.of(v.acceptingTransfers(me), null);
        long frame = hostile && p.chance(0.5) ? p.of(p.chance(0.7) ? v.frames(me) : v.foreign(me), 0L) : p.of(v.untyped(me), 0L);
        int dom = accept == null || hostile && p.chance(0.3) ? otherDomain() : accept[0];
        int ref = accept == null || hostile && p.chance(0.3) ? p.below(refs + 1) : accept[1];
        return new GrantTableOp.Transfer(frame, dom, ref);
    }

    /** The machine address of one of the caller's L1 entries (contains_pte); misaligned or foreign when hostile. */
    private long pteAddress(boolean hostile) {
        long table = p.of(v.tables(me, 1), hostile ? p.below(v.c.frames()) : 0L);
        long addr = table << 12 | (long) p.below(v.c.entries()) << 3;
        return p.chance(hostile ? 0.4 : 0.1) ? addr | 1L + p.below(7) : addr; // misaligned: XSA-227
    }
}
