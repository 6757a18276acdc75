package pvspec.model.abi;

/**
 * The guest's own writes to the event bits it shares with Xen (Linux's {@code clear_evtchn} and
 * {@code mask_evtchn}). In Xen these are plain writes to the shared-info page; the model makes
 * them explicit actions so that their effect on upcalls is specified.
 */
public sealed interface EventChannelWrite extends Hypercall {

    int port();

    /** Acknowledge an event: clear the port's pending bit. */
    record ClearEvtchn(int port) implements EventChannelWrite {
        @Override public <R> R accept(Visitor<R> v) { return v.clearEvtchn(this); }
        @Override public String kind() { return "clear_evtchn"; }
    }

    /** Hold back a port's notifications: set its mask bit. */
    record MaskEvtchn(int port) implements EventChannelWrite {
        @Override public <R> R accept(Visitor<R> v) { return v.maskEvtchn(this); }
        @Override public String kind() { return "mask_evtchn"; }
    }

    @Override
    default <R> R accept(Hypercall.Visitor<R> v) {
        return v.eventChannelWrite(this);
    }

    /** Dispatch on the kind of EventChannelWrite; the compiler checks that a visitor handles every kind. */
    <R> R accept(Visitor<R> v);

    /** One method per kind of EventChannelWrite: adding a kind fails compilation wherever one is not handled. */
    interface Visitor<R> {
        R clearEvtchn(ClearEvtchn h);
        R maskEvtchn(MaskEvtchn h);
    }
}
