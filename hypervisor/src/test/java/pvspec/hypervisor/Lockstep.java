package pvspec.hypervisor;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.state.StateDiff;
import pvspec.model.trace.TracePrinter;

/**
 * The model and a hypervisor run side by side: after every request the results must be equal
 * and the hypervisor's abstract state must equal the model's state. Failures print the trace so
 * far, in the trace format.
 */
final class Lockstep {
    final Config config;
    final Hypervisor hv;
    State model;
    Result lastResult;
    final List<String> trace = new ArrayList<>();

    Lockstep(Config config) {
        this(config, Hypervisor.boot(config), State.initial(config));
    }

    Lockstep(Config config, Hypervisor hv, State model) {
        this.config = config;
        this.hv = hv;
        this.model = model;
        trace.add(TracePrinter.config(config));
    }

    /** Run one request on both; returns the model's result. Throws {@link AssertionError} on divergence. */
    Result step(Caller c, Hypercall h) {
        Outcome o = Step.step(model, c, h);
        Reply reply;
        try {
            reply = hv.call(c, h);
        } catch (RuntimeException e) {
            throw new AssertionError("hypervisor threw on " + line(c, h, o.result()) + "\n" + text(), e);
        }
        Result r = reply.result();
        trace.add(line(c, h, o.result()));
        if (!reply.equals(o.reply())) {
            throw new AssertionError("result " + reply + ", model " + o.reply() + o.reason().map(x -> " (" + x + ")").orElse("") + "\n" + text());
        }
        State a = hv.abstractState();
        String d = StateDiff.describe(o.state(), a);
        if (!d.isEmpty()) throw new AssertionError("state diverges: " + d + "\n" + text());
        model = o.state();
        lastResult = r;
        return r;
    }

    private String line(Caller c, Hypercall h, Result r) {
        return TracePrinter.step(config, c, h, r);
    }

    String text() {
        return String.join("\n", trace);
    }
}
