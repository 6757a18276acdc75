package pvspec.model.abi;

/** {@code HYPERVISOR_event_channel_op}: create, connect, signal and close event-channel ports. */
public sealed interface EventChannelOp extends Hypercall {

    @Override
    default String kind() {
        return "event_channel_op " + name();
    }

    /** The sub-command's name ({@code EVTCHNOP_*} without the prefix). */
    String name();

    /** {@code EVTCHNOP_alloc_unbound}: a new port in {@code dom} that {@code remoteDom} may bind to. */
    record AllocUnbound(int dom, int remoteDom) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.allocUnbound(this); }
        @Override public String name() { return "alloc_unbound"; }
    }

    /** {@code EVTCHNOP_bind_interdomain}: connect a new local port to an unbound port of {@code remoteDom}. */
    record BindInterdomain(int remoteDom, int remotePort) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.bindInterdomain(this); }
        @Override public String name() { return "bind_interdomain"; }
    }

    /** {@code EVTCHNOP_bind_virq}: a new port that receives virtual IRQ {@code virq} on {@code vcpu}. */
    record BindVirq(int virq, int vcpu) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.bindVirq(this); }
        @Override public String name() { return "bind_virq"; }
    }

    /** {@code EVTCHNOP_bind_ipi}: a new port that notifies the caller's own {@code vcpu}. */
    record BindIpi(int vcpu) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.bindIpi(this); }
        @Override public String name() { return "bind_ipi"; }
    }

    /** {@code EVTCHNOP_close}. */
    record Close(int port) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.close(this); }
        @Override public String name() { return "close"; }
    }

    /** {@code EVTCHNOP_send}: notify the other end of one of the caller's ports. */
    record Send(int port) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.send(this); }
        @Override public String name() { return "send"; }
    }

    /** {@code EVTCHNOP_unmask}: clear a port's mask bit and deliver what was held back. */
    record Unmask(int port) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unmask(this); }
        @Override public String name() { return "unmask"; }
    }

    /** {@code EVTCHNOP_status}: the state of a port ({@code EVTCHNSTAT_*}) with its fields ({@link Result.EvtchnStatus}). */
    record Status(int dom, int port) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.status(this); }
        @Override public String name() { return "status"; }
    }

    /** {@code EVTCHNOP_bind_vcpu}: the caller's {@code port} notifies {@code vcpu} from now on. */
    record BindVcpu(int port, int vcpu) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.bindVcpu(this); }
        @Override public String name() { return "bind_vcpu"; }
    }

    /**
     * {@code EVTCHNOP_reset} ({@code cont} false) and {@code EVTCHNOP_reset_cont} ({@code cont}
     * true, the continuation Xen creates for a preempted reset, which a guest may also issue):
     * close every port of {@code dom}.
     */
    record Reset(int dom, boolean cont) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.reset(this); }
        @Override public String name() { return cont ? "reset_cont" : "reset"; }
    }

    /** A sub-command number outside pvspec's ABI. */
    record Unknown(int cmd) implements EventChannelOp {
        @Override public <R> R accept(Visitor<R> v) { return v.unknown(this); }
        @Override public String name() { return "cmd"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.eventChannelOp(this);
    }

    /** Dispatch on the kind of EventChannelOp; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of EventChannelOp: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R allocUnbound(AllocUnbound h);
        R bindInterdomain(BindInterdomain h);
        R bindVirq(BindVirq h);
        R bindIpi(BindIpi h);
        R close(Close h);
        R send(Send h);
        R unmask(Unmask h);
        R status(Status h);
        R bindVcpu(BindVcpu h);
        R reset(Reset h);
        R unknown(Unknown h);
    }
}
