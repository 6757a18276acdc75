package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EPERM;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.state.PortState;

/**
 * An unbound port names the one domain that may connect to it; a third domain binding to it
 * would hijack the channel (e.g. a backend's). Nor may a guest allocate ports in another domain.
 */
public final class BindToPortOfferedToOther implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("bind-port-offered-to-other", "-", "event-channel hijack",
                "bind to a port another guest left unbound for dom0; allocate a port inside the victim",
                "EINVAL: the port is not unbound for the caller; EPERM: only the domain itself or dom0");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        int victim = s.domain(1);
        int port = (int) s.as(victim).value(Calls.allocUnbound(DomId.DOM0));
        s.attempt(s.as(attacker), Calls.bindInterdomain(victim, port), err(EINVAL));
        s.attempt(s.as(attacker), new EventChannelOp.AllocUnbound(victim, attacker), err(EPERM));
        s.postcondition("the port still waits for dom0", st -> st.dom(victim).port(port).state().equals(new PortState.Unbound(DomId.DOM0)));
    }
}
