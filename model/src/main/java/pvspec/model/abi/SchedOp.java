package pvspec.model.abi;

/** {@code HYPERVISOR_sched_op}: give up the CPU, wait for an event, or shut down. */
public sealed interface SchedOp extends Hypercall {

    @Override
    default String kind() {
        return "sched_op " + name();
    }

    String name();

    record Yield() implements SchedOp {

        @Override public <R> R accept(Visitor<R> v) { return v.yield(this); }
        @Override public String name() { return "yield"; }
    }

    /** Sleep until an event is delivered to this vCPU. */
    record Block() implements SchedOp {
        @Override public <R> R accept(Visitor<R> v) { return v.block(this); }
        @Override public String name() { return "block"; }
    }

    /** Stop the whole domain; the control domain then destroys it. */
    record Shutdown() implements SchedOp {
        @Override public <R> R accept(Visitor<R> v) { return v.shutdown(this); }
        @Override public String name() { return "shutdown"; }
    }

    record Unknown(int cmd) implements SchedOp {

        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.schedOp(this);
    }

    /** Dispatch on the kind of SchedOp; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of SchedOp: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R yield(Yield h);
        R block(Block h);
        R shutdown(Shutdown h);
        R unknown(Unknown h);
    }
}
