package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Gntst.GNTST_general_error;
import static pvspec.model.abi.Gntst.GNTST_okay;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * XSA-234 (XTF tests/xsa-234): {@code unmap_and_replace} steals the writable grant PTE of another
 * mapping into the read-only mapping's slot; the victim mapping's unmap at its own address then
 * finds no grant there and fails ({@code pv/grant_table.c:replace_grant_pv_mapping}:279-288), so
 * the writable reference, which moved with the PTE, is not dropped: the frame stays writable
 * until the stolen PTE is unmapped where it now is.
 */
public final class Xsa234StealWritableGrantPte implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("steal-writable-grant-pte", "XSA-234", "unmap_and_replace moves a writable grant PTE",
                "map grant 0 writable at spare 0 and grant 1 read-only at spare 1, unmap_and_replace grant 1 with spare 0's entry, unmap grant 0 at spare 0",
                "the replace succeeds, the unmap at spare 0 fails GNTST_general_error, the frame keeps its writable reference until unmapped at spare 1");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = new GrantedGuests(s.guest(6, 0), s.guest(5, 2)); // the grantee needs two spare pages
        long frame = g.frame();
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), frame, false));
        g.granter().hp().ok(Calls.grantAccess(1, g.grantee().domid(), g.granter().data(1), true));
        Frame before = s.state().frame(frame);
        long va0 = g.grantee().spareVa(0);
        long va1 = g.grantee().spareVa(1);
        int h0 = (int) g.grantee().hp().value(Calls.mapGrantRef(g.granter().domid(), 0, false, va0));
        int h1 = (int) g.grantee().hp().value(Calls.mapGrantRef(g.granter().domid(), 1, true, va1));
        s.attempt(g.grantee().hp(), new GrantTableOp.UnmapAndReplace(h1, va1, va0), gnt(GNTST_okay));
        s.attempt(g.grantee().hp(), Calls.unmapGrantRef(h0, va0), gnt(GNTST_general_error));
        s.attempt(g.granter().hp(), Calls.endAccess(0), err(EBUSY)); // still mapped, through the stolen PTE
        s.attempt(g.grantee().hp(), Calls.unmapGrantRef(h0, va1), gnt(GNTST_okay));
        s.postcondition("unmapped where the PTE now is, the frame's counts are back; both grants are free", st ->
                st.frame(frame).count() == before.count() && st.frame(frame).typeCount() == before.typeCount()
                        && !st.dom(g.granter().domid()).grants().get(0).inUse() && !st.dom(g.granter().domid()).grants().get(1).inUse());
    }
}
