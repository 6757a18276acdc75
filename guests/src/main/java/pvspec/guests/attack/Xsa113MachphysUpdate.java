package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EPERM;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Result;

/**
 * XSA-113: {@code MMU_MACHPHYS_UPDATE} wrote the M2P entry of any frame, because the page owner
 * was not checked to own it ({@code get_page_from_pagenr}, today {@code get_page_from_mfn(mfn,
 * pg_owner)}, mm.c:4241-4248). A guest may set the M2P entries of its own frames only: not
 * another guest's, not through {@code DOMID_IO} (no frame is dom_io's), not on behalf of another
 * page-table owner (mm.c:4217-4221), and not naming another page owner (XSM, mm.c:4235).
 */
public final class Xsa113MachphysUpdate implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("xsa113-machphys-update", "XSA-113", "M2P entry of a frame the caller does not own",
                "MMU_MACHPHYS_UPDATE of another guest's frame: directly, through DOMID_IO, naming the victim as page or page-table owner",
                "EINVAL (not the page owner's frame); EPERM (another page-table owner; another page owner needs privilege)");
    }

    @Override
    public void run(AttackScript s) {
        Guest attacker = s.guest(4, 0);
        Guest victim = s.guest(4, 0);
        long mine = attacker.data(0);
        long theirs = victim.data(0);
        s.attempt(attacker.hp(), machphys(theirs, DomId.DOMID_SELF), batch(EINVAL));
        s.attempt(attacker.hp(), machphys(theirs, DomId.DOMID_IO), batch(EINVAL));
        s.attempt(attacker.hp(), machphys(theirs, victim.domid()), batch(EPERM));
        s.attempt(attacker.hp(), new MmuUpdate(List.of(MmuUpdate.Request.machphys(mine, 7)), MmuUpdate.foreigndom(DomId.DOMID_SELF, victim.domid())),
                batch(EPERM));
        // Its own frame's entry it may set: a batch of the two stops at the second, one done.
        s.attempt(attacker.hp(), Calls.mmuUpdate(List.of(MmuUpdate.Request.machphys(mine, 7), MmuUpdate.Request.machphys(theirs, 7))),
                new Result.Partial(EINVAL, 1));
    }

    private static MmuUpdate machphys(long mfn, int foreigndom) {
        return new MmuUpdate(List.of(MmuUpdate.Request.machphys(mfn, 7)), foreigndom);
    }
}
