package pvspec.model.rules;

import static pvspec.model.abi.check.Check.CALLBACK_NON_CANONICAL;
import static pvspec.model.abi.check.Check.CALLBACK_NOT_UNREGISTRABLE;
import static pvspec.model.abi.check.Check.CALLBACK_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.CALLBACK_UNKNOWN_TYPE;
import static pvspec.model.abi.check.Check.CALLBACK_UNREGISTER_UNKNOWN_TYPE;
import static pvspec.model.abi.check.Check.TRAP_NON_CANONICAL;

import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Config;
import pvspec.model.state.Callbacks;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;

/**
 * The virtual IDT and callbacks ({@code set_trap_table}, {@code set_callbacks}) and the delivery
 * of exceptions and software interrupts into the guest kernel.
 *
 * <p>Xen checks one thing of a handler: that its address is canonical (XSA-7). Its selector's
 * RPL is raised to the guest kernel's (3 for a 64-bit PV guest), never ring 0
 * ({@code desc.h:__fixup_guest_selector}). Vector, flags and selector are C fields of 8, 8 and
 * 16 bits: the model takes the low bits of its arguments, as the C structure holds them.
 */
public final class TrapRules {
    private TrapRules() {}

    /** The ring a 64-bit PV guest kernel runs in ({@code GUEST_KERNEL_RPL}). */
    public static final int GUEST_KERNEL_RPL = 3;
    public static final int PAGE_FAULT = 14;
    public static final int GENERAL_PROTECTION = 13;
    /** {@code X86_EXC_NMI}: the NMI callback's virtual-IDT vector. */
    public static final int NMI = 2;
    /** {@code FLAT_KERNEL_CS} of a 64-bit PV guest (0xe033: RPL 3). */
    public static final int FLAT_KERNEL_CS = 0xe033;
    /** {@code X86_EXC_BP} and {@code X86_EXC_OF}: Xen's IDT has them at DPL 3; the guest's DPL is ignored. */
    public static final int INT3 = 3;
    public static final int INTO = 4;

    /** Whether a guest may enter its kernel at {@code address} (0 means "no handler" and is checked by the caller). */
    public static boolean guestAddress(Config c, long address) {
        return c.canonical(address);
    }

    /**
     * {@code set_trap_table} ({@code pv/callback.c:do_set_trap_table}): an empty list clears the
     * table (Xen: a null handle); otherwise entries are installed one by one up to the first with
     * address 0. A non-canonical address stops the call with {@code EINVAL}, and the entries
     * before it stay installed, as in Xen.
     */
    static Outcome setTrapTable(State s, Caller c, SetTrapTable h) {
        Vcpu v = vcpu(s, c);
        PMap<Integer, TrapInfo> traps = h.traps().isEmpty() ? IntTreePMap.empty() : v.traps();
        for (TrapInfo t : h.traps()) {
            if (t.address() == 0) break;
            if (!s.config().canonical(t.address())) {
                return Outcome.refused(withVcpu(s, c, v.withTraps(traps)), TRAP_NON_CANONICAL.result(), TRAP_NON_CANONICAL);
            }
            int vector = t.vector() & 0xFF;
            traps = traps.plus(vector, new TrapInfo(vector, t.dpl() & 3, fixupSelector(t.cs() & 0xFFFF), t.address()));
        }
        return Outcome.of(withVcpu(s, c, v.withTraps(traps)), Result.OK);
    }

    /** The calling vCPU: trap tables and callbacks are per vCPU in Xen ({@code curr->arch.pv}). */
    static Vcpu vcpu(State s, Caller c) {
        return s.dom(c.domain()).vcpu(c.vcpu());
    }

    static State withVcpu(State s, Caller c, Vcpu v) {
        return s.withDomain(s.dom(c.domain()).withVcpu(c.vcpu(), v));
    }

    /** {@code __fixup_guest_selector}: an RPL below the guest kernel's is raised to it. */
    static int fixupSelector(int cs) {
        return (cs & 3) >= GUEST_KERNEL_RPL ? cs : (cs & ~3) | GUEST_KERNEL_RPL;
    }

    /**
     * {@code set_callbacks} ({@code pv/callback.c:do_set_callbacks} :170-192): the event, failsafe
     * and syscall addresses are registered one by one ({@code register_guest_callback} with no
     * flags, so the failsafe and syscall event masks are cleared); a refused one (non-canonical)
     * is ignored, and the call returns 0 whatever happened.
     */
    static Outcome setCallbacks(State s, Caller c, SetCallbacks h) {
        Vcpu v = vcpu(s, c);
        v = registeredOrSame(s.config(), v, CallbackOp.CALLBACKTYPE_event, 0, h.event());
        v = registeredOrSame(s.config(), v, CallbackOp.CALLBACKTYPE_failsafe, 0, h.failsafe());
        v = registeredOrSame(s.config(), v, CallbackOp.CALLBACKTYPE_syscall, 0, h.syscall());
        return Outcome.of(withVcpu(s, c, v), Result.OK);
    }

    private static Vcpu registeredOrSame(Config config, Vcpu v, int type, int flags, long address) {
        try {
            return register(config, v, type, flags, address);
        } catch (Refusal ignored) {
            return v;
        }
    }

    /**
     * {@code callback_op} ({@code pv/callback.c:do_callback_op} :132-168; {@code copy_from_guest}'s
     * {@code EFAULT} is not modelled: arguments are values).
     */
    static Outcome callbackOp(State s, Caller c, CallbackOp h) {
        Vcpu v = vcpu(s, c);
        Vcpu after = h.accept(new CallbackOp.Visitor<>() {
            @Override public Vcpu register(CallbackOp.Register x) { return TrapRules.register(s.config(), v, x.type() & 0xFFFF, x.flags() & 0xFFFF, x.address()); }
            @Override public Vcpu unregister(CallbackOp.Unregister x) { return TrapRules.unregister(v, x.type() & 0xFFFF); }
            @Override public Vcpu unknown(CallbackOp.Unknown x) { throw Refusal.of(CALLBACK_UNKNOWN_COMMAND); }
        });
        return Outcome.of(withVcpu(s, c, after), Result.OK);
    }

    /**
     * {@code register_guest_callback} (:51-103): the address must be canonical (before the type
     * is looked at); {@code CALLBACKF_mask_events} is kept for the failsafe, syscall, syscall32 and
     * sysenter callbacks and ignored for the others. The NMI callback is the virtual-IDT entry of
     * vector 2 ({@code register_guest_nmi_callback} :17-41: flags 0, {@code FLAT_KERNEL_CS},
     * {@code TI_SET_IF}, which the model's entries do not keep; the NMI re-assertion of :37-38
     * needs a hardware NMI reason, which the model has none of). An address 0 registers "no
     * handler", which the model represents as no entry (a bounce treats both alike:
     * x86_64/entry.S:629-634).
     */
    static Vcpu register(Config config, Vcpu v, int type, int flags, long address) {
        Refusal.require(config.canonical(address), CALLBACK_NON_CANONICAL);
        boolean mask = (flags & CallbackOp.CALLBACKF_mask_events) != 0;
        Callbacks cb = v.callbacks();
        switch (type) {
            case CallbackOp.CALLBACKTYPE_event: return v.withCallbacks(cb.withEvent(address));
            case CallbackOp.CALLBACKTYPE_failsafe: return v.withCallbacks(cb.withFailsafe(address, mask));
            case CallbackOp.CALLBACKTYPE_syscall: return v.withCallbacks(cb.withSyscall(address, mask));
            case CallbackOp.CALLBACKTYPE_syscall32: return v.withCallbacks(cb.withSyscall32(address, mask));
            case CallbackOp.CALLBACKTYPE_sysenter: return v.withCallbacks(cb.withSysenter(address, mask));
            case CallbackOp.CALLBACKTYPE_nmi:
                return v.withTraps(address == 0 ? v.traps().minus(NMI) : v.traps().plus(NMI, new TrapInfo(NMI, 0, FLAT_KERNEL_CS, address)));
            default: throw Refusal.of(CALLBACK_UNKNOWN_TYPE);
        }
    }

    /** {@code unregister_guest_callback} (:105-130): only the NMI callback goes ({@code memset} of vector 2's entry). */
    static Vcpu unregister(Vcpu v, int type) {
        switch (type) {
            case CallbackOp.CALLBACKTYPE_event:
            case CallbackOp.CALLBACKTYPE_failsafe:
            case CallbackOp.CALLBACKTYPE_syscall:
            case CallbackOp.CALLBACKTYPE_syscall32:
            case CallbackOp.CALLBACKTYPE_sysenter:
                throw Refusal.of(CALLBACK_NOT_UNREGISTRABLE);
            case CallbackOp.CALLBACKTYPE_nmi: return v.withTraps(v.traps().minus(NMI));
            default: throw Refusal.of(CALLBACK_UNREGISTER_UNKNOWN_TYPE);
        }
    }

    /**
     * A software interrupt {@code INT n} ({@code traps.c:do_general_protection}, {@code do_int3},
     * {@code do_trap}): delivered to the handler only if its DPL admits the current mode
     * ({@code permit_softint}: DPL 1 or more from the kernel, DPL 3 from user mode); otherwise a
     * general protection fault. {@code INT3} and {@code INTO} reach Xen through its own DPL-3 IDT
     * entries and are bounced as exceptions whatever the guest's DPL (traps.c:1437-1440).
     */
    static Outcome softInt(State s, Caller c, SoftInt h) {
        int vector = h.vector() & 0xFF;
        TrapInfo t = vcpu(s, c).traps().get(vector);
        if (vector == INT3 || vector == INTO) return Outcome.of(deliverFault(s, c, vector), t != null ? Result.OK : Result.FAULT);
        if (t != null && permitSoftint(t.dpl(), c.mode())) return Outcome.of(bounce(s, c, vector, true, t), Result.OK);
        return Outcome.of(deliverFault(s, c, GENERAL_PROTECTION), Result.FAULT);
    }

    public static boolean permitSoftint(int dpl, Mode mode) {
        return mode == Mode.KERNEL ? dpl >= 1 : dpl == 3;
    }

    /**
     * Bounce an exception into the guest kernel's handler for {@code vector}. With no handler
     * (address 0) {@code create_bounce_frame} crashes the domain (x86_64/entry.S:629-634,
     * {@code asm_domain_crash_synchronous} traps.c:2237, {@code __domain_crash}
     * common/domain.c:1359-1378): it is shut down, as by {@code SCHEDOP_shutdown}.
     */
    public static State deliverFault(State s, Caller c, int vector) {
        s = Modes.enterKernel(s, c.domain(), c.vcpu()); // create_bounce_frame first leaves user mode (entry.S:544-551)
        TrapInfo t = vcpu(s, c).traps().get(vector);
        return t == null ? s.withDomain(s.dom(c.domain()).withLife(Lifecycle.SHUTDOWN)) : bounce(s, c, vector, false, t);
    }

    private static State bounce(State s, Caller c, int vector, boolean software, TrapInfo handler) {
        s = Modes.enterKernel(s, c.domain(), c.vcpu());
        return withVcpu(s, c, vcpu(s, c).withLastTrap(new TrapBounce(vector, software, c.mode(), handler)));
    }
}
