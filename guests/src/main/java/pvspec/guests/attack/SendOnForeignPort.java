package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;

/**
 * Event channels are per-domain name spaces: a port
 * number names the caller's own port, so a guest cannot signal through another domain's channel
 * by using its number.
 */
public final class SendOnForeignPort implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("send-on-foreign-port", "-", "signalling through another domain's port",
                "send on the port number of a channel between dom0 and another guest, and on a port out of range",
                "EINVAL: the caller's port of that number is not bound / does not exist");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        int victim = s.domain(1);
        int port = (int) s.as(victim).value(Calls.allocUnbound(DomId.DOM0));
        s.dom0().value(Calls.bindInterdomain(victim, port));
        s.attempt(s.as(attacker), Calls.send(port), err(EINVAL));
        s.attempt(s.as(attacker), Calls.send(s.config().ports()), err(EINVAL));
        s.postcondition("the victim's port got no event", st -> !st.dom(victim).port(port).pending());
    }
}
