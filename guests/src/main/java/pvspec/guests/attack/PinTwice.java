package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Frame;

/**
 * Pins do not nest (Xen: "already pinned"): a second pin that took references would leave one
 * that no unpin drops, so the table could never be freed; pinning it as another level would
 * give one frame two types.
 */
public final class PinTwice implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("pin-twice", "XSA-299", "pin reference imbalance",
                "pin its pinned top-level table again, and pin it as an L1",
                "EINVAL: already pinned; EINVAL: in use as another type");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        Frame top = s.state().frame(g.top());
        s.attempt(g.hp(), Calls.pin(s.config().levels(), g.top()), batch(EINVAL));
        s.attempt(g.hp(), Calls.pin(1, g.top()), batch(EINVAL));
        s.postcondition("the top-level table keeps its pin, type and counts", st -> st.frame(g.top()).equals(top));
    }
}
