package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.pte;
import static pvspec.model.abi.PteFlag.P;
import static pvspec.model.abi.PteFlag.US;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Pte;
import pvspec.model.abi.Result;

/**
 * The continuation encoding of a preempted {@code mmu_update} (mm.c:4059-4062, 4267-4270,
 * 4354-4358): the loop checks before every request but the first; when the check fires before
 * request {@code i}, requests {@code 0..i-1} are done, {@code pdone} says {@code i}, and the
 * continuation names requests {@code i..} ({@code (count - i) | MMU_UPDATE_PREEMPTED}, the handle
 * advanced by {@code i}). A hypervisor that counted one more would have the guest skip a request
 * it believes made: the entry it meant to clear or change stays as it was.
 */
public final class PreemptedMmuUpdateContinues implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("preempted-mmu-update-continues", "-", "continuation encoding of a batch",
                "an mmu_update of three L1 entries with the first preemption check firing, then the continuation the result names",
                "restart done=1, then OK: all three entries written");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 3, 0);
        List<MmuUpdate.Request> rs = new ArrayList<>();
        for (int i = 0; i < 3; i++) rs.add(new MmuUpdate.Request(g.spareSlot(i).table(), g.spareSlot(i).index(), pte(g.data(0), P, US)));
        s.attempt(g.hp(), new MmuUpdate(rs, DomId.DOMID_SELF, 1), new Result.Restart(1));
        s.attempt(g.hp(), new MmuUpdate(rs.subList(1, 3), DomId.DOMID_SELF), Result.OK);
        s.postcondition("every request of the batch was made once", st -> {
            for (MmuUpdate.Request r : rs) if (Pte.mfn(st.frame(r.mfn()).entry((int) r.index())) != g.data(0)) return false;
            return true;
        });
    }
}
