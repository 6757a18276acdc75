package pvspec.verification.jpf;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;

/**
 * One request of a harness: who issues it, what, and a label to print. A plain class rather than
 * a record: Java PathFinder cannot run a record's generated methods, and nothing here needs them.
 */
public final class Call {
    public final Caller caller;
    public final Hypercall request;
    public final String label;

    public Call(Caller caller, Hypercall request, String label) {
        this.caller = caller;
        this.request = request;
        this.label = label;
    }

    /** The label with the caller in front, as a trace line starts. */
    public String line() {
        return who(caller) + ": " + label;
    }

    static String who(Caller c) {
        String d = c.domain() == 0 ? "dom0" : "d" + c.domain();
        return c.vcpu() == 0 ? d : d + ".v" + c.vcpu();
    }
}
