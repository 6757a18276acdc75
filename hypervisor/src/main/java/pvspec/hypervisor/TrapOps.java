package pvspec.hypervisor;

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
     * {@code do_set_trap_table}: entries are installed one by one up to the first with address 0;
     * a non-canonical address stops the call with EINVAL and the entries before it stay. An empty
     * list clears the table. Vector, flags and selector are 8-, 8- and 16-bit C fields.
     */
    static Result setTrapTable(Txn t, SetTrapTable h) {
        List<TrapInfo> traps = h.traps();
        Dom d = t.dom;
        if (traps.isEmpty()) {
            for (int v = 0; v < Dom.VECTORS; v++) if (d.traps[v] != null) t.setObj(d.traps, v, null);
        }
        for (TrapInfo ti : traps) {
            if (ti.address() == 0) break;
            if (!t.checks.handlerCanonical(t.hv.config, ti.address())) {
                t.batchStoppedBy = TRAP_NON_CANONICAL; // the entries before it stay installed
                return TRAP_NON_CANONICAL.result();
            }
            int vector = ti.vector() & 0xFF;
            t.setObj(d.traps, vector, new TrapInfo(vector, ti.dpl() & 3, t.checks.handlerSelector(ti.cs() & 0xFFFF), ti.address()));
        }
        return Result.OK;
    }

    /** {@code do_set_callbacks}: each canonical address is registered, the others ignored; always 0. */
    static Result setCallbacks(Txn t, SetCallbacks h) {
        if (t.checks.handlerCanonical(t.hv.config, h.event())) t.setLong(t.dom.vars, Dom.EVENT_CALLBACK, h.event());
        if (t.checks.handlerCanonical(t.hv.config, h.failsafe())) t.setLong(t.dom.vars, Dom.FAILSAFE_CALLBACK, h.failsafe());
        return Result.OK;
    }

    /**
     * {@code INT n}: to its handler if the DPL admits the current mode, else a general protection
     * fault; {@code INT3} and {@code INTO} are bounced as exceptions whatever the DPL.
     */
    static Result softInt(Txn t, SoftInt h) {
        int vector = h.vector() & 0xFF;
        TrapInfo ti = (TrapInfo) t.dom.traps[vector];
        if (vector == 3 || vector == 4) {
            deliverFault(t, vector);
            return ti != null ? Result.OK : Result.FAULT;
        }
        if (ti != null && t.checks.softintPermitted(ti.dpl(), t.caller.mode())) {
            bounce(t, vector, true, ti);
            return Result.OK;
        }
        deliverFault(t, GENERAL_PROTECTION);
        return Result.FAULT;
    }

    /** Bounce an exception to the guest kernel's handler for {@code vector}; with none, {@code create_bounce_frame} crashes the domain. */
    static void deliverFault(Txn t, int vector) {
        ModeOps.enterKernel(t, t.dom, t.vcpu); // create_bounce_frame toggles out of user mode first
        TrapInfo ti = (TrapInfo) t.dom.traps[vector];
        if (ti != null) bounce(t, vector, false, ti);
        else t.setLong(t.dom.vars, Dom.LIFE, Dom.SHUTDOWN);
    }

    private static void bounce(Txn t, int vector, boolean software, TrapInfo handler) {
        ModeOps.enterKernel(t, t.dom, t.vcpu);
        t.setObj(t.dom.lastTrap, t.vcpu, new TrapBounce(vector, software, t.caller.mode(), handler));
    }
}
