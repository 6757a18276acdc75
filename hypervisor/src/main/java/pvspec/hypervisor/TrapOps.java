package pvspec.hypervisor;

import static pvspec.model.abi.Errno.EINVAL;

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

    static final Refused BAD_VECTOR = Refused.of(EINVAL, "a vector is 0 to 255");
    static final Refused BAD_DPL = Refused.of(EINVAL, "a DPL is 0 to 3");
    static final Refused BAD_SELECTOR = Refused.of(EINVAL, "a selector is 16 bits");
    static final Refused NON_CANONICAL = Refused.of(EINVAL, "handler address not canonical (XSA-7)");
    static final Refused HYPERVISOR_ADDRESS = Refused.of(EINVAL, "handler address in the hypervisor's range");

    /**
     * {@code set_trap_table}: entries up to the first with address 0 are checked, then installed
     * together (atomically); an empty list clears the table.
     */
    static Result setTrapTable(Txn t, SetTrapTable h) {
        List<TrapInfo> traps = h.traps();
        int n = 0;
        while (n < traps.size() && traps.get(n).address() != 0) {
            TrapInfo ti = traps.get(n);
            if (ti.vector() < 0 || ti.vector() > 255) throw BAD_VECTOR;
            if (ti.dpl() < 0 || ti.dpl() > 3) throw BAD_DPL;
            if (ti.cs() < 0 || ti.cs() > 0xFFFF) throw BAD_SELECTOR;
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
        if (!t.checks.handlerCanonical(t.hv.config, address)) throw NON_CANONICAL;
        if (!t.checks.handlerInGuestRange(t.hv.config, address)) throw HYPERVISOR_ADDRESS;
    }

    /** {@code INT n}: to its handler if the DPL admits the current mode, else a general protection fault. */
    static Result softInt(Txn t, SoftInt h) {
        int vector = h.vector();
        if (vector < 0 || vector > 255) throw BAD_VECTOR;
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
