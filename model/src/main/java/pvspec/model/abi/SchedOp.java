package pvspec.model.abi;

/** {@code HYPERVISOR_sched_op}: give up the CPU, wait for an event, or shut down. */
public sealed interface SchedOp extends Hypercall {

    @Override
    default String kind() {
        return "sched_op " + name();
    }

    String name();

    record Yield() implements SchedOp {
        @Override public String name() { return "yield"; }
    }

    /** Sleep until an event is delivered to this vCPU. */
    record Block() implements SchedOp {
        @Override public String name() { return "block"; }
    }

    /** Stop the whole domain; the control domain then destroys it. */
    record Shutdown() implements SchedOp {
        @Override public String name() { return "shutdown"; }
    }

    record Unknown(int cmd) implements SchedOp {
        @Override public String name() { return "cmd"; }
    }
}
