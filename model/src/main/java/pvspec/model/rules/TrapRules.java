package pvspec.model.rules;

import static pvspec.model.abi.check.Check.TRAP_NON_CANONICAL;

import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;

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
        Domain d = s.dom(c.domain());
        PMap<Integer, TrapInfo> traps = h.traps().isEmpty() ? IntTreePMap.empty() : d.traps();
        for (TrapInfo t : h.traps()) {
            if (t.address() == 0) break;
            if (!s.config().canonical(t.address())) {
                return Outcome.refused(s.withDomain(d.withTraps(traps)), TRAP_NON_CANONICAL.result(), TRAP_NON_CANONICAL);
            }
            int vector = t.vector() & 0xFF;
            traps = traps.plus(vector, new TrapInfo(vector, t.dpl() & 3, fixupSelector(t.cs() & 0xFFFF), t.address()));
        }
        return Outcome.of(s.withDomain(d.withTraps(traps)), Result.OK);
    }

    /** {@code __fixup_guest_selector}: an RPL below the guest kernel's is raised to it. */
    static int fixupSelector(int cs) {
        return (cs & 3) >= GUEST_KERNEL_RPL ? cs : (cs & ~3) | GUEST_KERNEL_RPL;
    }

    /**
     * {@code set_callbacks} ({@code pv/callback.c:do_set_callbacks}): each address is registered
     * on its own ({@code register_guest_callback}); a non-canonical one is ignored, and the call
     * returns 0 whatever happened.
     */
    static Outcome setCallbacks(State s, Caller c, SetCallbacks h) {
        Domain d = s.dom(c.domain());
        long event = s.config().canonical(h.event()) ? h.event() : d.eventCallback();
        long failsafe = s.config().canonical(h.failsafe()) ? h.failsafe() : d.failsafeCallback();
        return Outcome.of(s.withDomain(d.withCallbacks(event, failsafe)), Result.OK);
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
        TrapInfo t = s.dom(c.domain()).traps().get(vector);
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
    static State deliverFault(State s, Caller c, int vector) {
        s = Modes.enterKernel(s, c.domain(), c.vcpu()); // create_bounce_frame first leaves user mode (entry.S:544-551)
        Domain d = s.dom(c.domain());
        TrapInfo t = d.traps().get(vector);
        return t == null ? s.withDomain(d.withLife(Lifecycle.SHUTDOWN)) : bounce(s, c, vector, false, t);
    }

    private static State bounce(State s, Caller c, int vector, boolean software, TrapInfo handler) {
        s = Modes.enterKernel(s, c.domain(), c.vcpu());
        Domain d = s.dom(c.domain());
        return s.withDomain(d.withVcpu(c.vcpu(), d.vcpu(c.vcpu()).withLastTrap(new TrapBounce(vector, software, c.mode(), handler))));
    }
}
