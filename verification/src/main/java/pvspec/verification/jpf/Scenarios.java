package pvspec.verification.jpf;

import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.RW;
import static pvspec.model.abi.PteFlag.US;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.state.Config;

/**
 * The races the concurrent-vCPU harness explores, each on the same tiny machine: 2-level page
 * tables of 4 entries, 11 frames, dom0 and two guests of two vCPUs each.
 *
 * <p>The common setup (frame numbers follow from lowest-free allocation; frame 0 is Xen's):
 * <pre>
 * d1: T1=1 top (L2, pinned, base of v0 and v1), L1=2 (T1[0]), D1=3 (L1[0], writable), X=4, Y=5 spare
 * d2: T2=6 top (L2, pinned, base of v0 and v1), L2=7 (T2[0]), D2=8 (L2[0], writable), Z=9 spare
 * </pre>
 * Virtual page {@code va} is top-level slot {@code va / 4}, L1 slot {@code va % 4}.
 */
public final class Scenarios {
    private Scenarios() {}

    public static final Config CONFIG = Config.withDefaults(2, 4, 11, 3, 2, 4, 2);

    static final long T1 = 1, L1 = 2, D1 = 3, X = 4, Y = 5;
    static final long T2 = 6, L2 = 7, D2 = 8;

    private static final Caller DOM0 = Caller.kernel(0);
    private static final Caller D1_V0 = Caller.kernel(1, 0);
    private static final Caller D1_V1 = Caller.kernel(1, 1);
    private static final Caller D2_V0 = Caller.kernel(2, 0);
    private static final Caller D2_V1 = Caller.kernel(2, 1);

    /** Every scenario, in the order the harness numbers them. */
    public static List<Scenario> all() {
        List<Scenario> s = new ArrayList<>();
        s.add(pinVersusMapWritable());
        s.add(unpinVersusMmuUpdate());
        s.add(newBaseptrVersusUnpin());
        s.add(grantUnmapVersusEndAccess());
        s.add(evtchnCloseVersusSendAndBind());
        s.add(reservationVersusOwnership());
        s.add(tlbFillVersusRetype());
        return s;
    }

    /** {@code all}, or scenario names joined by {@code +}, in the catalogue's order (JPF-safe: no regular expressions). */
    public static List<Scenario> select(String names) {
        if (names.equals("all")) return all();
        String wanted = "+" + names + "+";
        List<Scenario> out = new ArrayList<>();
        for (Scenario s : all()) if (wanted.contains("+" + s.name + "+")) out.add(s);
        int n = 1;
        for (int i = 0; i < names.length(); i++) if (names.charAt(i) == '+') n++;
        if (out.size() != n) throw new IllegalArgumentException("unknown scenario in " + names);
        return out;
    }

    public static Scenario named(String name) {
        for (Scenario s : all()) if (s.name.equals(name)) return s;
        throw new IllegalArgumentException("no scenario " + name);
    }

    /** The common machine: both guests with a pinned, loaded address space. */
    static List<Call> base() {
        List<Call> c = new ArrayList<>();
        c.add(new Call(DOM0, new Domctl.CreateDomain(6, 2), "domctl createdomain max_pages=6 vcpus=2"));
        c.add(new Call(DOM0, new Domctl.CreateDomain(6, 2), "domctl createdomain max_pages=6 vcpus=2"));
        c.add(new Call(DOM0, new MemoryOp.PopulatePhysmap(1, 5), "memory_op populate_physmap dom=1 count=5"));
        c.add(new Call(DOM0, new MemoryOp.PopulatePhysmap(2, 4), "memory_op populate_physmap dom=2 count=4"));
        c.add(new Call(DOM0, new Domctl.UnpauseDomain(1), "domctl unpausedomain dom=1"));
        c.add(new Call(DOM0, new Domctl.UnpauseDomain(2), "domctl unpausedomain dom=2"));
        addressSpace(c, D1_V0, D1_V1, T1, L1, D1);
        addressSpace(c, D2_V0, D2_V1, T2, L2, D2);
        return c;
    }

    private static void addressSpace(List<Call> c, Caller v0, Caller v1, long top, long l1, long data) {
        c.add(mmu(v0, l1, 0, data, true));
        c.add(mmu(v0, top, 0, l1, true));
        c.add(pin(v0, 2, top));
        c.add(new Call(v0, MmuextOp.of(new MmuextOp.NewBaseptr(top)), "mmuext_op new_baseptr mfn=" + top));
        c.add(new Call(v1, MmuextOp.of(new MmuextOp.NewBaseptr(top)), "mmuext_op new_baseptr mfn=" + top));
    }

    // ------------------------------------------------------------ the races

    /**
     * d1 pins X as an L1 table while its other vCPU maps X writable in its own L1 and d2 maps X
     * writable through a grant: at most one of the two types may win (Xen's get_page_type race).
     */
    static Scenario pinVersusMapWritable() {
        List<Call> setup = base();
        setup.add(new Call(D1_V0, new GrantTableWrite.Grant(0, 2, X, false), "grant ref=0 domid=2 frame=4"));
        Call[][] menus = {
            {pin(D1_V0, 1, X), unpin(D1_V0, X)},
            {mmu(D1_V1, L1, 1, X, true), mmuClear(D1_V1, L1, 1)},
            {map(D2_V0, 1, 0, 1), unmap(D2_V0, 0, 1)},
        };
        return new Scenario("pin-vs-map-writable", "PIN_L1_TABLE of X against writable mappings of X (own L1, and a foreign grant map)",
                CONFIG, setup, menus, 2);
    }

    /**
     * d1 unpins Y (an L1 outside the tree) and pins it again while its other vCPU writes Y, maps Y
     * writable through the tree (refused while Y is a table) and writes through that mapping.
     */
    static Scenario unpinVersusMmuUpdate() {
        List<Call> setup = base();
        setup.add(pin(D1_V0, 1, Y));
        Call[][] menus = {
            {unpin(D1_V0, Y), pin(D1_V0, 1, Y)},
            {mmu(D1_V1, Y, 0, X, true), mmu(D1_V1, L1, 1, Y, true), access(D1_V1, true, 1)},
        };
        return new Scenario("unpin-vs-mmu_update", "UNPIN_TABLE of an L1 against mmu_update into it and mapping it writable",
                CONFIG, setup, menus, 2);
    }

    /**
     * d1's vCPU 0 switches to a second top-level table Y (and back, and writes through it) while
     * vCPU 1 unpins Y and tries to map it writable (refused while Y is a table).
     */
    static Scenario newBaseptrVersusUnpin() {
        List<Call> setup = base();
        setup.add(mmu(D1_V0, Y, 0, L1, true));
        setup.add(pin(D1_V0, 2, Y));
        Call[][] menus = {
            {baseptr(D1_V0, Y), baseptr(D1_V0, T1), access(D1_V0, true, 0)},
            {unpin(D1_V1, Y), mmu(D1_V1, L1, 1, Y, true)},
        };
        return new Scenario("new_baseptr-vs-unpin", "NEW_BASEPTR to a pinned top-level table against UNPIN_TABLE of it and mapping it writable",
                CONFIG, setup, menus, 2);
    }

    /** d2 unmaps (and maps again) d1's granted frame X while d1 ends the grant, grants again and retypes X. */
    static Scenario grantUnmapVersusEndAccess() {
        List<Call> setup = base();
        setup.add(new Call(D1_V0, new GrantTableWrite.Grant(0, 2, X, false), "grant ref=0 domid=2 frame=4"));
        setup.add(map(D2_V0, 1, 0, 1));
        setup.add(access(D2_V0, true, 1));
        Call[][] menus = {
            {unmap(D2_V0, 0, 1), access(D2_V0, true, 1), map(D2_V0, 1, 0, 1)},
            {new Call(D1_V0, new GrantTableWrite.EndAccess(0), "end_access ref=0"),
             new Call(D1_V0, new GrantTableWrite.Grant(0, 2, X, false), "grant ref=0 domid=2 frame=4"), pin(D1_V0, 1, X)},
        };
        return new Scenario("grant-unmap-vs-end_access", "unmap_grant_ref and map_grant_ref against end_access and re-granting",
                CONFIG, setup, menus, 2);
    }

    /** d1 closes its unbound port 1 while d2 binds to it and both send. */
    static Scenario evtchnCloseVersusSendAndBind() {
        List<Call> setup = base();
        setup.add(new Call(D1_V0, new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, 2), "event_channel_op alloc_unbound dom=self remote_dom=2"));
        Call[][] menus = {
            {close(D1_V0, 1), send(D1_V0, 1), new Call(D1_V0, new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, 2), "event_channel_op alloc_unbound dom=self remote_dom=2")},
            {new Call(D2_V0, new EventChannelOp.BindInterdomain(1, 1), "event_channel_op bind_interdomain remote_dom=1 remote_port=1"),
             send(D2_V0, 1), close(D2_V0, 1)},
        };
        return new Scenario("evtchn-close-vs-send-bind", "event-channel close against send and bind_interdomain on both ends",
                CONFIG, setup, menus, 2);
    }

    /**
     * d1 gives frame Y back and takes a frame again while d2 takes a frame (the lowest free: Y
     * once d1 has freed it) and maps and pins Y: frames change owner while another domain's
     * ownership checks read their owner (without the owner's lock, by design).
     */
    static Scenario reservationVersusOwnership() {
        List<Call> setup = base();
        Call[][] menus = {
            {new Call(D1_V0, new MemoryOp.DecreaseReservation(DomId.DOMID_SELF, List.of(Y)), "memory_op decrease_reservation dom=self mfns=" + Y),
             new Call(D1_V0, new MemoryOp.PopulatePhysmap(DomId.DOMID_SELF, 1), "memory_op populate_physmap dom=self count=1")},
            {new Call(D2_V0, new MemoryOp.PopulatePhysmap(DomId.DOMID_SELF, 1), "memory_op populate_physmap dom=self count=1"),
             mmu(D2_V0, L2, 1, Y, true), pin(D2_V0, 1, Y)},
        };
        return new Scenario("reservation-vs-ownership", "frames freed and allocated against another domain's ownership checks on them",
                CONFIG, setup, menus, 2);
    }

    /**
     * d1 and d2 both read frame X through writable mappings (d1 its own, d2 a grant map), each
     * caching a writable translation and setting its bit in X's word of TLB holders at the same
     * time (reads: a write would also take the owner's lock, serialising the two);
     * then d2 unmaps the grant, which flushes all of d2's TLBs (gnttab_flush_tlb), and d1 clears
     * its mapping and pins X as an L1 table, which must flush every writable translation to X (the
     * XSA-401 class: a stale writable TLB entry to a page table; with d1's holder bit lost, d1's).
     */
    static Scenario tlbFillVersusRetype() {
        List<Call> setup = base();
        setup.add(mmu(D1_V0, L1, 1, X, true));
        setup.add(new Call(D1_V0, new GrantTableWrite.Grant(0, 2, X, false), "grant ref=0 domid=2 frame=4"));
        setup.add(map(D2_V0, 1, 0, 1));
        Call[][] menus = {
            {access(D1_V0, false, 1), mmuClear(D1_V0, L1, 1), pin(D1_V0, 1, X)},
            {access(D2_V0, false, 1), unmap(D2_V0, 0, 1)},
        };
        return new Scenario("tlb-fill-vs-retype", "TLB fills of one frame by two domains at once, then its retyping as a page table",
                CONFIG, setup, menus, new int[] {3, 2});
    }

    // ------------------------------------------------------------ requests

    static Call mmu(Caller c, long table, int index, long target, boolean writable) {
        long pte = writable ? Pte.make(target, P, RW, US) : Pte.make(target, P, US);
        return new Call(c, MmuUpdate.one(table, index, pte),
                "mmu_update ptr=" + table + "[" + index + "] val=" + target + (writable ? ":P|RW|US" : ":P|US"));
    }

    static Call mmuClear(Caller c, long table, int index) {
        return new Call(c, MmuUpdate.one(table, index, Pte.NONE), "mmu_update ptr=" + table + "[" + index + "] val=0");
    }

    static Call pin(Caller c, int level, long mfn) {
        return new Call(c, MmuextOp.of(new MmuextOp.Pin(level, mfn)), "mmuext_op pin_l" + level + "_table mfn=" + mfn);
    }

    static Call unpin(Caller c, long mfn) {
        return new Call(c, MmuextOp.of(new MmuextOp.Unpin(mfn)), "mmuext_op unpin_table mfn=" + mfn);
    }

    static Call baseptr(Caller c, long mfn) {
        return new Call(c, MmuextOp.of(new MmuextOp.NewBaseptr(mfn)), "mmuext_op new_baseptr mfn=" + mfn);
    }

    static Call access(Caller c, boolean write, long va) {
        return new Call(c, write ? Access.write(va) : Access.read(va), "access " + (write ? "write" : "read") + " va=" + (va / 4) + "." + (va % 4));
    }

    static Call map(Caller c, int dom, int ref, long hostVa) {
        return new Call(c, new GrantTableOp.MapGrantRef(dom, ref, GrantTableOp.GNTMAP_host_map, hostVa),
                "grant_table_op map_grant_ref dom=" + dom + " ref=" + ref + " flags=host_map host_va=" + (hostVa / 4) + "." + (hostVa % 4));
    }

    static Call unmap(Caller c, int handle, long hostVa) {
        return new Call(c, new GrantTableOp.UnmapGrantRef(handle, hostVa, 0),
                "grant_table_op unmap_grant_ref handle=" + handle + " host_va=" + (hostVa / 4) + "." + (hostVa % 4));
    }

    static Call close(Caller c, int port) {
        return new Call(c, new EventChannelOp.Close(port), "event_channel_op close port=" + port);
    }

    static Call send(Caller c, int port) {
        return new Call(c, new EventChannelOp.Send(port), "event_channel_op send port=" + port);
    }
}
