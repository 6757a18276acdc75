package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOSYS;

import pvspec.guests.hypercall.Calls;
import pvspec.model.abi.CallbackOp;

/**
 * XSA-7 through {@code callback_op}: a non-canonical callback is refused with {@code EINVAL}
 * before its type is even looked at (pv/callback.c:56-57), so an unknown type at a
 * non-canonical address is EINVAL too and a known one installs nothing; a type the 64-bit
 * hypervisor lacks is {@code ENOSYS} (:97-98); only the NMI callback can be unregistered
 * (:111-116 EINVAL for the others, :124-125 ENOSYS for no type).
 */
public final class Xsa7NonCanonicalCallback implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("non-canonical-callback", "XSA-7", "non-canonical guest entry point",
                "register NMI, syscall and sysenter callbacks at non-canonical addresses; unregister the event callback",
                "EINVAL for every non-canonical address (whatever the type), ENOSYS for a missing type, EINVAL unregistering the event callback");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long text = g.va(g.data(0));
        long nonCanonical = s.config().vaPages();
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_event, 0, text), pvspec.model.abi.Result.OK);
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_nmi, 0, nonCanonical), err(EINVAL));
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_syscall, CallbackOp.CALLBACKF_mask_events, -4096), err(EINVAL));
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_sysenter_deprecated, 0, nonCanonical), err(EINVAL));
        s.attempt(g.hp(), Calls.registerCallback(CallbackOp.CALLBACKTYPE_sysenter_deprecated, 0, text), err(ENOSYS));
        s.attempt(g.hp(), Calls.unregisterCallback(CallbackOp.CALLBACKTYPE_event), err(EINVAL));
        s.attempt(g.hp(), Calls.unregisterCallback(6), err(ENOSYS));
        s.postcondition("no NMI entry, no syscall callback, the event callback kept", st -> {
            var v = st.dom(g.domid()).vcpu(0);
            return !v.traps().containsKey(2) && v.callbacks().syscall() == 0 && v.callbacks().event() == text;
        });
    }
}
