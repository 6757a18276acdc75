package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.TRAP_BAD_DPL;
import static pvspec.model.abi.check.Check.TRAP_BAD_SELECTOR;
import static pvspec.model.abi.check.Check.TRAP_BAD_VECTOR;
import static pvspec.model.abi.check.Check.TRAP_HYPERVISOR_ADDRESS;
import static pvspec.model.abi.check.Check.TRAP_NON_CANONICAL;

import java.util.List;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.TrapBounce;

/**
 * The virtual IDT and callbacks ({@code set_trap_table}, {@code set_callbacks}) and bouncing
 * exceptions and software interrupts into the guest kernel.
 */
final class TrapOps {
    private TrapOps() {}

    static final int GENERAL_PROTECTION = 13;
    static final int PAGE_FAULT = 14;


    /**
     * {@code set_trap_table}: entries up to the first with address 0 are checked, then installed
     * together (atomically); an empty list clears the table.
     */
    static Result setTrapTable(Txn t, SetTrapTable h) {
        List<TrapInfo> traps = h.traps();
        int n = 0;
        while (n < traps.size() && traps.get(n).address() != 0) {
            TrapInfo ti = traps.get(n);
            if (ti.vector() < 0 || ti.vector() > 255) throw Refused.of(TRAP_BAD_VECTOR);
            if (ti.dpl() < 0 || ti.dpl() > 3) throw Refused.of(TRAP_BAD_DPL);
            if (ti.cs() < 0 || ti.cs() > 0xFFFF) throw Refused.of(TRAP_BAD_SELECTOR);
            checkAddress(t, ti.address());
            n++;
        }
        Dom d = t.dom;
        if (traps.isEmpty()) {
            for (int v = 0; v < Dom.VECTORS; v++) if (d.traps[v] != null) t.setObj(d.traps, v, null);
        }
        for (int i = 0; i < n; i++) {
            TrapInfo ti = traps.get(i);
            t.setObj(d.traps, ti.vector(), new TrapInfo(ti.vector(), ti.dpl(), t.checks.handlerSelector(ti.cs()), ti.address()));
        }
        return Result.OK;
    }

    /** {@code set_callbacks}: each address 0 (none) or a guest-kernel entry point. */
    static Result setCallbacks(Txn t, SetCallbacks h) {
        if (h.event() != 0) checkAddress(t, h.event());
        if (h.failsafe() != 0) checkAddress(t, h.failsafe());
        t.setLong(t.dom.vars, Dom.EVENT_CALLBACK, h.event());
        t.setLong(t.dom.vars, Dom.FAILSAFE_CALLBACK, h.failsafe());
        return Result.OK;
    }

    private static void checkAddress(Txn t, long address) {
        if (!t.checks.handlerCanonical(t.hv.config, address)) throw Refused.of(TRAP_NON_CANONICAL);
        if (!t.checks.handlerInGuestRange(t.hv.config, address)) throw Refused.of(TRAP_HYPERVISOR_ADDRESS);
    }

    /** {@code INT n}: to its handler if the DPL admits the current mode, else a general protection fault. */
    static Result softInt(Txn t, SoftInt h) {
        int vector = h.vector();
        if (vector < 0 || vector > 255) throw Refused.of(TRAP_BAD_VECTOR);
        TrapInfo ti = (TrapInfo) t.dom.traps[vector];
        if (ti != null && t.checks.softintPermitted(ti.dpl(), t.caller.mode())) {
            bounce(t, vector, true, ti);
            return Result.OK;
        }
        deliverFault(t, GENERAL_PROTECTION);
        return Result.FAULT;
    }

    /** Bounce an exception to the guest kernel's handler for {@code vector}, if it has one. */
    static void deliverFault(Txn t, int vector) {
        TrapInfo ti = (TrapInfo) t.dom.traps[vector];
        if (ti != null) bounce(t, vector, false, ti);
    }

    private static void bounce(Txn t, int vector, boolean software, TrapInfo handler) {
        t.setObj(t.dom.lastTrap, t.vcpu, new TrapBounce(vector, software, t.caller.mode(), handler));
    }
}
