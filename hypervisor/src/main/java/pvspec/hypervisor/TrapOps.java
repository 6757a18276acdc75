package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.CALLBACK_NON_CANONICAL;
import static pvspec.model.abi.check.Check.CALLBACK_NOT_UNREGISTRABLE;
import static pvspec.model.abi.check.Check.CALLBACK_UNKNOWN_COMMAND;
import static pvspec.model.abi.check.Check.CALLBACK_UNKNOWN_TYPE;
import static pvspec.model.abi.check.Check.CALLBACK_UNREGISTER_UNKNOWN_TYPE;
import static pvspec.model.abi.check.Check.TRAP_NON_CANONICAL;

import java.util.List;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.TrapBounce;

/**
 * The virtual IDT and callbacks ({@code set_trap_table}, {@code set_callbacks},
 * {@code callback_op}), per vCPU as in Xen, and bouncing
 * exceptions and software interrupts into the guest kernel.
 */
final class TrapOps {
    private TrapOps() {}

    static final int GENERAL_PROTECTION = 13;
    static final int PAGE_FAULT = 14;
    static final int NMI = 2;

    /**
     * {@code do_set_trap_table}: entries are installed one by one up to the first with address 0;
     * a non-canonical address stops the call with EINVAL and the entries before it stay. An empty
     * list clears the table. Vector, flags and selector are 8-, 8- and 16-bit C fields.
     */
    static Result setTrapTable(Txn t, SetTrapTable h) {
        List<TrapInfo> traps = h.traps();
        Object[] idt = t.dom.traps[t.vcpu];
        if (traps.isEmpty()) clearTraps(t, idt);
        for (TrapInfo ti : traps) {
            if (ti.address() == 0) break;
            if (!t.checks.handlerCanonical(t.hv.config, ti.address())) {
                t.batchStoppedBy = TRAP_NON_CANONICAL; // the entries before it stay installed
                return TRAP_NON_CANONICAL.result();
            }
            int vector = ti.vector() & 0xFF;
            t.setObj(idt, vector, new TrapInfo(vector, ti.dpl() & 3, t.checks.handlerSelector(ti.cs() & 0xFFFF), ti.address()));
        }
        return Result.OK;
    }

    /** {@code do_set_callbacks}: event, failsafe and syscall registered with no flags; each refusal ignored; always 0. */
    static Result setCallbacks(Txn t, SetCallbacks h) {
        registerIgnoringRefusal(t, CallbackOp.CALLBACKTYPE_event, h.event());
        registerIgnoringRefusal(t, CallbackOp.CALLBACKTYPE_failsafe, h.failsafe());
        registerIgnoringRefusal(t, CallbackOp.CALLBACKTYPE_syscall, h.syscall());
        return Result.OK;
    }

    private static void registerIgnoringRefusal(Txn t, int type, long address) {
        if (t.checks.handlerCanonical(t.hv.config, address)) register(t, type, 0, address);
    }

    /** {@code do_callback_op}: register or unregister one of the calling vCPU's callbacks. */
    static Result callbackOp(Txn t, CallbackOp h) {
        return h.accept(new CallbackOp.Visitor<>() {
            @Override
            public Result register(CallbackOp.Register x) {
                if (!t.checks.handlerCanonical(t.hv.config, x.address())) throw Refused.of(CALLBACK_NON_CANONICAL);
                TrapOps.register(t, x.type() & 0xFFFF, x.flags() & 0xFFFF, x.address());
                return Result.OK;
            }

            @Override
            public Result unregister(CallbackOp.Unregister x) {
                int type = x.type() & 0xFFFF;
                if (type == CallbackOp.CALLBACKTYPE_nmi) {
                    setNmi(t, 0);
                    return Result.OK;
                }
                boolean known = type == CallbackOp.CALLBACKTYPE_event || type == CallbackOp.CALLBACKTYPE_failsafe
                        || type == CallbackOp.CALLBACKTYPE_syscall || type == CallbackOp.CALLBACKTYPE_syscall32
                        || type == CallbackOp.CALLBACKTYPE_sysenter;
                throw Refused.of(known ? CALLBACK_NOT_UNREGISTRABLE : CALLBACK_UNREGISTER_UNKNOWN_TYPE);
            }

            @Override public Result unknown(CallbackOp.Unknown x) { throw Refused.of(CALLBACK_UNKNOWN_COMMAND); }
        });
    }

    /** {@code register_guest_callback} after its canonical check: one slot, and its event mask where the type has one. */
    private static void register(Txn t, int type, int flags, long address) {
        long[] cb = t.dom.callbacks[t.vcpu];
        boolean mask = (flags & CallbackOp.CALLBACKF_mask_events) != 0;
        switch (type) {
            case CallbackOp.CALLBACKTYPE_event: t.setLong(cb, Dom.CB_EVENT, address); return;
            case CallbackOp.CALLBACKTYPE_failsafe: slot(t, cb, Dom.CB_FAILSAFE, address, Callbacks.MASK_FAILSAFE, mask); return;
            case CallbackOp.CALLBACKTYPE_syscall: slot(t, cb, Dom.CB_SYSCALL, address, Callbacks.MASK_SYSCALL, mask); return;
            case CallbackOp.CALLBACKTYPE_syscall32: slot(t, cb, Dom.CB_SYSCALL32, address, Callbacks.MASK_SYSCALL32, mask); return;
            case CallbackOp.CALLBACKTYPE_sysenter: slot(t, cb, Dom.CB_SYSENTER, address, Callbacks.MASK_SYSENTER, mask); return;
            case CallbackOp.CALLBACKTYPE_nmi: setNmi(t, address); return;
            default: throw Refused.of(CALLBACK_UNKNOWN_TYPE);
        }
    }

    private static void slot(Txn t, long[] cb, int index, long address, int maskBit, boolean mask) {
        t.setLong(cb, index, address);
        t.setLong(cb, Dom.CB_MASKS, mask ? cb[Dom.CB_MASKS] | maskBit : cb[Dom.CB_MASKS] & ~maskBit);
    }

    /** The NMI callback is vector 2 of the vCPU's virtual IDT (kernel CS, DPL 0); address 0 is no handler. */
    private static void setNmi(Txn t, long address) {
        t.setObj(t.dom.traps[t.vcpu], NMI, address == 0 ? null : new TrapInfo(NMI, 0, t.checks.nmiCallbackSelector(), address));
    }

    static void clearTraps(Txn t, Object[] idt) {
        for (int v = 0; v < Dom.VECTORS; v++) if (idt[v] != null) t.setObj(idt, v, null);
    }

    /**
     * {@code INT n}: to its handler if the DPL admits the current mode, else a general protection
     * fault; {@code INT3} and {@code INTO} are bounced as exceptions whatever the DPL.
     */
    static Result softInt(Txn t, SoftInt h) {
        int vector = h.vector() & 0xFF;
        TrapInfo ti = (TrapInfo) t.dom.traps[t.vcpu][vector];
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
        TrapInfo ti = (TrapInfo) t.dom.traps[t.vcpu][vector];
        if (ti != null) bounce(t, vector, false, ti);
        else t.setLong(t.dom.vars, Dom.LIFE, Dom.SHUTDOWN);
    }

    private static void bounce(Txn t, int vector, boolean software, TrapInfo handler) {
        ModeOps.enterKernel(t, t.dom, t.vcpu);
        t.setObj(t.dom.lastTrap, t.vcpu, new TrapBounce(vector, software, t.caller.mode(), handler));
    }
}
