package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EPERM;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.state.State;

/**
 * Domain management is the control domain's alone (XSM's default policy): a domU that could
 * create, destroy, pause or resize domains would control the machine.
 */
public final class DomctlFromDomU implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("domctl-from-domu", "-", "privileged operation from an unprivileged domain",
                "create a domain, destroy dom0, pause another guest, raise its own max_mem",
                "EPERM for every one; nothing changes");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        int victim = s.domain(1);
        State before = s.state();
        s.attempt(s.as(attacker), Calls.createDomain(1, 1), err(EPERM));
        s.attempt(s.as(attacker), Calls.destroyDomain(DomId.DOM0), err(EPERM));
        s.attempt(s.as(attacker), new Domctl.PauseDomain(victim), err(EPERM));
        s.attempt(s.as(attacker), new Domctl.MaxMem(attacker, s.config().frames()), err(EPERM));
        s.postcondition("the machine is exactly as before the attack", st -> st.equals(before));
    }
}
