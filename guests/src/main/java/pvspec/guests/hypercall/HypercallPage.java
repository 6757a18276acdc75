package pvspec.guests.hypercall;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.trace.TracePrinter;

/**
 * One vCPU's way into the hypervisor (named after the page through which a PV guest makes its
 * hypercalls): every request goes out as this vCPU. {@link #call} returns whatever the machine
 * answers; {@link #ok}, {@link #value} and {@link #extents} are for a well-behaved kernel that
 * cannot go on after a refusal and stop it with a {@link GuestFailure}.
 */
public final class HypercallPage {
    private final Hypercalls machine;
    private final Caller caller;

    public HypercallPage(Hypercalls machine, Caller caller) {
        this.machine = machine;
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    public int domid() {
        return caller.domain();
    }

    public Config config() {
        return machine.config();
    }

    /** The same vCPU, in user mode: every hypercall from there must be refused. */
    public HypercallPage user() {
        return new HypercallPage(machine, new Caller(caller.domain(), caller.vcpu(), Mode.USER));
    }

    /** Another vCPU of the same domain, in kernel mode. */
    public HypercallPage vcpu(int vcpu) {
        return new HypercallPage(machine, Caller.kernel(caller.domain(), vcpu));
    }

    /** Issue {@code h} and return its result, whatever it is. */
    public Result call(Hypercall h) {
        return machine.hypercall(caller, h);
    }

    /** Issue {@code h}, which must succeed. */
    public Result ok(Hypercall h) {
        Result r = call(h);
        if (!r.succeeded()) throw failure(h, r);
        return r;
    }

    /** Issue {@code h}, which must return a number (a port, a domain id, a handle, a count). */
    public long value(Hypercall h) {
        Result r = call(h);
        if (!(r instanceof Result.Value)) throw failure(h, r);
        return ((Result.Value) r).value();
    }

    /** Issue a {@code populate_physmap}, which must return frames: all of them, in order. */
    public List<Long> extents(Hypercall h) {
        Result r = call(h);
        if (!(r instanceof Result.Extents)) throw failure(h, r);
        return ((Result.Extents) r).mfns();
    }

    private GuestFailure failure(Hypercall h, Result r) {
        return new GuestFailure(TracePrinter.caller(caller) + ": " + TracePrinter.call(config(), h) + " -> " + r);
    }
}
