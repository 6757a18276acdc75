package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EPERM;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;
import pvspec.model.state.PortState;

/**
 * XSA-343: {@code EVTCHNOP_reset} tears down every port of a domain while its peers may still
 * use them. Xen closes each port as {@code EVTCHNOP_close} does, so an interdomain peer becomes
 * unbound again (a port it can no longer signal through), and refuses a reset of another domain
 * unless the caller controls it and holds it paused (the check XSA-343 added). A reset that only
 * freed the local ends would leave the victim's port linked to a port the attacker then
 * reallocates: the victim's events land in a channel it never agreed to.
 */
public final class Xsa343ResetWithOpenPeer implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("xsa-343-reset-open-peer", "XSA-343", "event-channel reset under an open peer",
                "link with the victim, reset own event channels, re-offer the same port number, let the victim send; reset the victim's channels",
                "the victim's port is unbound again after the reset; EPERM for a guest resetting another; EINVAL for dom0 unless the victim is paused");
    }

    @Override
    public void run(AttackScript s) {
        int attacker = s.domain(1);
        int victim = s.domain(1);
        int vport = (int) s.as(victim).value(Calls.allocUnbound(attacker));
        int aport = (int) s.as(attacker).value(Calls.bindInterdomain(victim, vport));
        s.attempt(s.as(attacker), Calls.reset(DomId.DOMID_SELF), Result.OK);
        // The same port number again, now offered to dom0: the victim must not reach it.
        s.attempt(s.as(attacker), Calls.allocUnbound(DomId.DOM0), Result.value(aport));
        s.attempt(s.as(victim), Calls.send(vport), Result.OK);
        s.attempt(s.as(attacker), Calls.reset(victim), err(EPERM));
        s.attempt(s.dom0(), Calls.reset(victim), err(EINVAL));
        s.postcondition("the victim's port waits for the attacker again", st -> st.dom(victim).port(vport).state().equals(new PortState.Unbound(attacker)));
        s.postcondition("the attacker's reallocated port got no event from the victim", st -> !st.dom(attacker).port(aport).pending());
    }
}
