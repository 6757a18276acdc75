package pvspec.checker;

import pvspec.checker.config.Implementation;
import pvspec.model.abi.Errno;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Reply;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Vcpu;

/** Implementations under test built from the model with one deliberate mistake each (conformance mode's test subjects). */
final class BrokenImplementations {
    private BrokenImplementations() {}

    /** Refuses every PIN_L1_TABLE the model accepts (a wrong result, state unchanged). */
    static final Implementation REFUSES_PIN_L1 = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof MmuextOp && ((MmuextOp) h).ops().get(0) instanceof MmuextOp.Pin
                && ((MmuextOp.Pin) ((MmuextOp) h).ops().get(0)).level() == 1 && o.result().succeeded()) {
            return new Implementation.Observed(Reply.refused(new Result.Partial(Errno.EINVAL, 0), Check.MMUEXT_BAD_TYPE), s);
        }
        return new Implementation.Observed(o.reply(), o.state());
    };

    /** Records every grant as writable (the right result, a wrong state). */
    static final Implementation GRANTS_EVERYTHING_WRITABLE = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof GrantTableWrite.Grant && o.result().succeeded()) {
            GrantTableWrite.Grant g = (GrantTableWrite.Grant) h;
            Domain d = o.state().dom(c.domain());
            GrantEntry e = d.grants().get(g.ref());
            return new Implementation.Observed(o.reply(), o.state().withDomain(d.withGrant(g.ref(), e.withFlags(e.flags() & ~GrantEntry.GTF_readonly))));
        }
        return new Implementation.Observed(o.reply(), o.state());
    };

    /** Forgets to flush the mapper's translation of an unmapped grant: visible only if it had one (grant, map, access, unmap). */
    static final Implementation UNMAP_KEEPS_TRANSLATION = (s, c, h) -> {
        Outcome o = Step.step(s, c, h);
        if (h instanceof GrantTableOp.UnmapGrantRef && o.result().succeeded()) {
            Domain before = s.dom(c.domain());
            Domain after = o.state().dom(c.domain());
            Vcpu v = after.vcpu(c.vcpu()).withTlb(before.vcpu(c.vcpu()).tlb());
            return new Implementation.Observed(o.reply(), o.state().withDomain(after.withVcpu(c.vcpu(), v)));
        }
        return new Implementation.Observed(o.reply(), o.state());
    };
}
