package pvspec.hypervisor.bench;

import pvspec.hypervisor.Hypervisor;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/** What a workload runs on: the hypervisor, or the model stepping its current state. */
public abstract class Target {
    public abstract Result call(Caller c, Hypercall h);

    public abstract String name();

    public static Target hypervisor(Config c) {
        Hypervisor hv = Hypervisor.boot(c);
        return new Target() {
            @Override public Result call(Caller caller, Hypercall h) {
                return hv.hypercall(caller, h);
            }

            @Override public String name() {
                return "hypervisor";
            }
        };
    }

    public static Target model(Config c) {
        return new Target() {
            private State s = State.initial(c);

            @Override public Result call(Caller caller, Hypercall h) {
                Outcome o = Step.step(s, caller, h);
                s = o.state();
                return o.result();
            }

            @Override public String name() {
                return "model";
            }
        };
    }

    public static Target of(String name, Config c) {
        if (name.equals("hypervisor")) return hypervisor(c);
        if (name.equals("model")) return model(c);
        throw new IllegalArgumentException("target is hypervisor or model: " + name);
    }

    /** Issue a request that must succeed (workload set-up and steady state). */
    public Result expect(Caller c, Hypercall h) {
        Result r = call(c, h);
        if (!r.succeeded()) throw new IllegalStateException(name() + ": " + h.kind() + " failed: " + r);
        return r;
    }
}
