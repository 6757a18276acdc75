package pvspec.model.rules;

import static pvspec.model.abi.check.Check.NOT_RUNNING;
import static pvspec.model.abi.check.Check.UNKNOWN_HYPERCALL;
import static pvspec.model.abi.check.Check.USER_MODE;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Access;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Multicall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.StackSwitch;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.abi.VmAssist;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * The specification's one entry point: {@code step(state, caller, request) -> (state', result)}.
 *
 * <p>{@code step} is <b>total</b> (every request, however malformed, gets a result, never an
 * exception), <b>atomic</b> (a refused request leaves the state as it was; a batch keeps the
 * requests before the refused one) and <b>deterministic</b> (allocation takes the lowest free
 * frame, domain id, port and handle).
 */
public final class Step {
    private Step() {}

    public static Outcome step(State s, Caller c, Hypercall h) {
        Outcome o = stepBeforeReap(s, c, h);
        // Only a change can make a dying domain ready to go; a state that holds one already was not
        // returned by step (each reaps), so a step that changed nothing skips the scan.
        return o.state() == s ? o : new Outcome(Domains.reap(o.state()), o.result(), o.check());
    }

    /**
     * {@link #step} without its last act, {@link #reap}: for a checker that needs to know what
     * the rules read apart from the reap's scan of every domain.
     */
    public static Outcome stepBeforeReap(State s, Caller c, Hypercall h) {
        try {
            Domain d = s.domains().get(c.domain());
            require(d != null && d.running() && d.hasVcpu(c.vcpu()) && !d.vcpu(c.vcpu()).blocked(), NOT_RUNNING);
            require(!c.isUser() || h.allowedInUserMode(), USER_MODE);
        } catch (Refusal r) {
            return refused(s, h, r);
        }
        // A kernel-mode request from a vCPU in user mode: it entered its kernel first (a syscall
        // or trap: x86_64/entry.S lstar_enter -> switch_to_kernel -> toggle_guest_mode, 544-551).
        State entered = entry(s, c);
        return call(entered, c, h);
    }

    /**
     * Removes every dying domain that owns no frame and whose grants no mapping names (Xen frees a
     * domain with its last page, see {@code Domains.reap}): the end of every {@link #step} that
     * changed the state. A state {@link #step} returned has
     * no such domain, so only a step that made a domain die, or took a dying domain's last frame
     * or grant mapping, makes this remove anything.
     */
    public static State reap(State s) {
        return Domains.reap(s);
    }

    /**
     * What every request of {@code c} changes before its own rules run, whatever their outcome: a
     * kernel-mode request from a running vCPU in user mode entered the kernel ({@link Modes#enterKernel}).
     * A refused request leaves exactly this state.
     */
    public static State entry(State s, Caller c) {
        Domain d = s.domains().get(c.domain());
        if (c.isUser() || d == null || !d.running() || !d.hasVcpu(c.vcpu()) || d.vcpu(c.vcpu()).blocked()) return s;
        return Modes.enterKernel(s, c.domain(), c.vcpu());
    }

    /** One hypercall of a running kernel-mode caller: its rules, or its refusal (a multicall's entries run so). */
    static Outcome call(State s, Caller c, Hypercall h) {
        try {
            return dispatch(s, c, h);
        } catch (Refusal r) {
            return refused(s, h, r);
        } catch (FailedAfter x) { // refused, with what Xen did before the check (a taken-over validation's teardown)
            Outcome o = refused(s, h, Refusal.of(x.check()));
            return new Outcome(x.state(s, c), o.result(), o.check());
        }
    }

    /** Convenience: the result alone. */
    public static Result result(State s, Caller c, Hypercall h) {
        return step(s, c, h).result();
    }

    /** The hypercall table: each kind of request to its family's rules. */
    private static Outcome dispatch(State s, Caller c, Hypercall h) {
        return h.accept(new Hypercall.Visitor<>() {
            @Override public Outcome mmuUpdate(MmuUpdate x) { return MmuUpdateRules.apply(s, c, x); }
            @Override public Outcome mmuextOp(MmuextOp x) { return MmuextOpRules.apply(s, c, x); }
            @Override public Outcome updateVaMapping(UpdateVaMapping x) { return UpdateVaMappingRules.apply(s, c, x); }
            @Override public Outcome setTrapTable(SetTrapTable x) { return TrapRules.setTrapTable(s, c, x); }
            @Override public Outcome setCallbacks(SetCallbacks x) { return TrapRules.setCallbacks(s, c, x); }
            @Override public Outcome callbackOp(CallbackOp x) { return TrapRules.callbackOp(s, c, x); }
            @Override public Outcome setGdt(SetGdt x) { return DescriptorRules.setGdt(s, c, x); }
            @Override public Outcome updateDescriptor(UpdateDescriptor x) { return DescriptorRules.updateDescriptor(s, c, x); }
            @Override public Outcome softInt(SoftInt x) { return TrapRules.softInt(s, c, x); }
            @Override public Outcome access(Access x) { return AccessRules.apply(s, c, x); }
            @Override public Outcome eventChannelOp(EventChannelOp x) { return EventChannelRules.apply(s, c, x); }
            @Override public Outcome eventChannelWrite(EventChannelWrite x) { return EventChannelRules.write(s, c, x); }
            @Override public Outcome grantTableOp(GrantTableOp x) { return GrantTableRules.apply(s, c, x); }
            @Override public Outcome grantTableWrite(GrantTableWrite x) { return GrantTableRules.write(s, c, x); }
            @Override public Outcome memoryOp(MemoryOp x) { return MemoryOpRules.apply(s, c, x); }
            @Override public Outcome domctl(Domctl x) { return DomctlRules.apply(s, c, x); }
            @Override public Outcome schedOp(SchedOp x) { return SchedOpRules.apply(s, c, x); }
            @Override public Outcome unknown(UnknownHypercall x) { throw Refusal.of(UNKNOWN_HYPERCALL); }
            @Override public Outcome iret(Iret x) { return IretRules.apply(s, c, x); }
            @Override public Outcome multicall(Multicall x) { return MulticallRules.apply(s, c, x); }
            @Override public Outcome vmAssist(VmAssist x) { return VmAssistRules.apply(s, c, x); }
            @Override public Outcome stackSwitch(StackSwitch x) { return SegmentRules.stackSwitch(s, c, x); }
            @Override public Outcome setSegmentBase(SetSegmentBase x) { return SegmentRules.setSegmentBase(s, c, x); }
        });
    }

    /** A batch hypercall refused before its first request reports "0 done". */
    private static Outcome refused(State s, Hypercall h, Refusal r) {
        Result result = h.isBatch() && r.check().returnsErrno()
                ? new Result.Partial(r.check().errno(), 0) : r.result();
        return Outcome.refused(s, result, r.check());
    }
}
