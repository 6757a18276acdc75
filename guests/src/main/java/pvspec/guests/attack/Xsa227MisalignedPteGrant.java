package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import pvspec.guests.kernel.Layout;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * XSA-227 (XTF tests/xsa-227): with {@code GNTMAP_contains_pte} the host address is the machine
 * address of an L1 entry; a misaligned one made Xen write the grant PTE across two entries. Xen
 * now refuses it before anything changes ({@code pv/grant_table.c:create_grant_pv_mapping}:58-62).
 */
public final class Xsa227MisalignedPteGrant implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("misaligned-pte-grant", "XSA-227", "grant map through a misaligned L1 entry address",
                "map a grant with contains_pte at an entry address 6 bytes into the entry before the spare page's",
                "GNTST_general_error: the address is not aligned to an entry; the L1 is unchanged");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        g.granter().hp().ok(pvspec.guests.hypercall.Calls.grantAccess(0, g.grantee().domid(), g.frame(), false));
        Layout.Slot slot = g.grantee().spareSlot(0);
        Frame before = s.state().frame(slot.table());
        long addr = slot.table() << 12 | (long) slot.index() << 3;
        int flags = GrantTableOp.GNTMAP_host_map | GrantTableOp.GNTMAP_contains_pte;
        s.attempt(g.grantee().hp(), new GrantTableOp.MapGrantRef(g.granter().domid(), 0, flags, addr - 2), gnt(GNTST_general_error));
        s.attempt(g.grantee().hp(), new GrantTableOp.MapGrantRef(g.granter().domid(), 0, flags, addr + 4), gnt(GNTST_general_error));
        s.postcondition("the L1 holding the spare page's entry is unchanged; the grant is not in use", st ->
                st.frame(slot.table()).equals(before) && !st.dom(g.granter().domid()).grants().get(0).inUse());
    }
}
