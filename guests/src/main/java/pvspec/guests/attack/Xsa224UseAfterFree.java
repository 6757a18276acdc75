package pvspec.guests.attack;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.Result;
import pvspec.model.state.Frame;
import pvspec.model.trace.Expectation;

/**
 * XSA-224 class (frame freed while still mapped, then reused): a guest gives a frame back with
 * {@code decrease_reservation} while it still maps it, and keeps writing to it. Xen accepts the
 * decrease but only drops the allocation reference: the frame lingers, still the guest's, until
 * its last mapping goes — it is never handed to another domain while mapped.
 */
public final class Xsa224UseAfterFree implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("decrease-reservation-use-after-free", "XSA-224", "use-after-free of a still-mapped frame",
                "give back a mapped data frame, write through the mapping, let dom0 hand all free memory to a new domain",
                "1 extent (accepted), the write still lands in its own frame, which lingers and is not reused");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long victim = g.data(1);
        s.attempt(g.hp(), Calls.decreaseReservation(Calls.SELF, List.of(victim)), Result.value(1));
        s.attempt(g.hp(), Calls.write(g.va(victim)), Result.OK);
        // It still counts against max_pages until freed (tot_pages: page_alloc.c:free_domheap_pages).
        s.attempt(g.hp(), Calls.populatePhysmap(Calls.SELF, 1), new Expectation("0"));
        int other = (int) s.dom0().value(Calls.createDomain(s.config().frames(), 1));
        s.attempt(s.dom0(), Calls.populatePhysmap(other, s.config().frames()), Expectation.ANY);
        s.postcondition("the frame lingers: still the guest's, no longer allocated, referenced by its mapping", st -> {
            Frame f = st.frame(victim);
            return f.owner() == g.domid() && !f.allocated() && f.count() > 0;
        });
    }
}
