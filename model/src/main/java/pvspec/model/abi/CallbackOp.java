package pvspec.model.abi;

/**
 * {@code HYPERVISOR_callback_op} ({@code public/callback.h}): register or unregister one of the
 * calling vCPU's entry points. Type and flags are the 16-bit fields of {@code struct
 * callback_register}; the model takes their low bits, as the C structure holds them.
 */
public sealed interface CallbackOp extends Hypercall {
    int CALLBACKTYPE_event = 0;
    int CALLBACKTYPE_failsafe = 1;
    int CALLBACKTYPE_syscall = 2;
    /** x86/32 only: on a 64-bit hypervisor it is no type ({@code -ENOSYS}). */
    int CALLBACKTYPE_sysenter_deprecated = 3;
    int CALLBACKTYPE_nmi = 4;
    int CALLBACKTYPE_sysenter = 5;
    int CALLBACKTYPE_syscall32 = 7;
    int CALLBACKF_mask_events = 1;

    @Override
    default String kind() {
        return "callback_op " + name();
    }

    String name();

    /** {@code CALLBACKOP_register}. */
    record Register(int type, int flags, long address) implements CallbackOp {
        @Override public <R> R accept(Visitor<R> v) { return v.register(this); }
        @Override public String name() { return "register"; }
    }

    /** {@code CALLBACKOP_unregister}: only the NMI callback can be unregistered. */
    record Unregister(int type) implements CallbackOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unregister(this); }
        @Override public String name() { return "unregister"; }
    }

    record Unknown(int cmd) implements CallbackOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.callbackOp(this);
    }

    /** Dispatch on the kind of CallbackOp; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of CallbackOp: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R register(Register h);
        R unregister(Unregister h);
        R unknown(Unknown h);
    }
}
