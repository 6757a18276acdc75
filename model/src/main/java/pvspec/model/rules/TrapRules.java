package pvspec.model.rules;

import static pvspec.model.abi.check.Check.TRAP_BAD_DPL;
import static pvspec.model.abi.check.Check.TRAP_BAD_SELECTOR;
import static pvspec.model.abi.check.Check.TRAP_BAD_VECTOR;
import static pvspec.model.abi.check.Check.TRAP_HYPERVISOR_ADDRESS;
import static pvspec.model.abi.check.Check.TRAP_NON_CANONICAL;
import static pvspec.model.rules.Refusal.require;

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
import pvspec.model.state.State;
import pvspec.model.state.TrapBounce;

/**
 * The virtual IDT and callbacks ({@code set_trap_table}, {@code set_callbacks}) and the delivery
 * of exceptions and software interrupts into the guest kernel.
 *
 * <p>A handler runs at guest-kernel privilege, in the guest's part of the address space: its
 * address must be canonical (XSA-7) and, in pvspec, outside the hypervisor's slots (Xen relies
 * on the bounce running with guest privilege instead); its selector's RPL is raised to the guest
 * kernel's (3 for a 64-bit PV guest), never ring 0.
 */
public final class TrapRules {
    private TrapRules() {}

    /** The ring a 64-bit PV guest kernel runs in ({@code GUEST_KERNEL_RPL}). */
    public static final int GUEST_KERNEL_RPL = 3;
    public static final int PAGE_FAULT = 14;
    public static final int GENERAL_PROTECTION = 13;


    /** Whether a guest may enter its kernel at {@code address} (0 means "no handler" and is checked by the caller). */
    public static boolean guestAddress(Config c, long address) {
        return c.canonical(address) && !c.hypervisorRange(address);
    }

    /**
     * {@code set_trap_table}: an empty list clears the table; otherwise every entry up to the
     * first with address 0 is checked, and only if all pass are they installed (Xen installs
     * them one by one; the model keeps the request atomic).
     */
    static Outcome setTrapTable(State s, Caller c, SetTrapTable h) {
        Domain d = s.dom(c.domain());
        PMap<Integer, TrapInfo> traps = h.traps().isEmpty() ? IntTreePMap.empty() : d.traps();
        for (TrapInfo t : h.traps()) {
            if (t.address() == 0) break;
            require(t.vector() >= 0 && t.vector() <= 255, TRAP_BAD_VECTOR);
            require(t.dpl() >= 0 && t.dpl() <= 3, TRAP_BAD_DPL);
            require(t.cs() >= 0 && t.cs() <= 0xFFFF, TRAP_BAD_SELECTOR);
            checkAddress(s.config(), t.address());
            traps = traps.plus(t.vector(), new TrapInfo(t.vector(), t.dpl(), t.cs() | GUEST_KERNEL_RPL, t.address()));
        }
        return Outcome.of(s.withDomain(d.withTraps(traps)), Result.OK);
    }

    /** {@code set_callbacks}: each address is 0 (none) or a guest-kernel entry point. */
    static Outcome setCallbacks(State s, Caller c, SetCallbacks h) {
        if (h.event() != 0) checkAddress(s.config(), h.event());
        if (h.failsafe() != 0) checkAddress(s.config(), h.failsafe());
        return Outcome.of(s.withDomain(s.dom(c.domain()).withCallbacks(h.event(), h.failsafe())), Result.OK);
    }

    private static void checkAddress(Config c, long address) {
        require(c.canonical(address), TRAP_NON_CANONICAL);
        require(!c.hypervisorRange(address), TRAP_HYPERVISOR_ADDRESS);
    }

    /**
     * A software interrupt {@code INT n}: delivered to the handler only if its DPL admits the
     * current mode ({@code permit_softint}: DPL 1 or more from the kernel, DPL 3 from user mode);
     * otherwise a general protection fault.
     */
    static Outcome softInt(State s, Caller c, SoftInt h) {
        require(h.vector() >= 0 && h.vector() <= 255, TRAP_BAD_VECTOR);
        TrapInfo t = s.dom(c.domain()).traps().get(h.vector());
        if (t != null && permitSoftint(t.dpl(), c.mode())) return Outcome.of(bounce(s, c, h.vector(), true, t), Result.OK);
        return Outcome.of(deliverFault(s, c, GENERAL_PROTECTION), Result.FAULT);
    }

    public static boolean permitSoftint(int dpl, Mode mode) {
        return mode == Mode.KERNEL ? dpl >= 1 : dpl == 3;
    }

    /** Bounce an exception into the guest kernel's handler for {@code vector}, if it has one. */
    static State deliverFault(State s, Caller c, int vector) {
        TrapInfo t = s.dom(c.domain()).traps().get(vector);
        return t == null ? s : bounce(s, c, vector, false, t);
    }

    private static State bounce(State s, Caller c, int vector, boolean software, TrapInfo handler) {
        Domain d = s.dom(c.domain());
        return s.withDomain(d.withVcpu(c.vcpu(), d.vcpu(c.vcpu()).withLastTrap(new TrapBounce(vector, software, c.mode(), handler))));
    }
}
