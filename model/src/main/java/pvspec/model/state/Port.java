package pvspec.model.state;

/**
 * One event-channel port of a domain.
 *
 * @param state what the port is bound to
 * @param pending an event arrived and was not yet acknowledged (the shared {@code evtchn_pending} bit)
 * @param masked the guest holds back upcalls for it (the shared {@code evtchn_mask} bit; it
 *     belongs to the port number and survives close and reallocation, as guest memory does)
 * @param notifyVcpu the vCPU its events wake
 */
public record Port(PortState state, boolean pending, boolean masked, int notifyVcpu) {

    public static final Port FREE = new Port(PortState.FREE, false, false, 0);

    public boolean isFree() {
        return state instanceof PortState.Free;
    }

    public Port withState(PortState s) {
        return new Port(s, pending, masked, notifyVcpu);
    }

    public Port withPending(boolean p) {
        return new Port(state, p, masked, notifyVcpu);
    }

    public Port withMasked(boolean m) {
        return new Port(state, pending, m, notifyVcpu);
    }

    /** The same port number, freed: no binding, nothing pending, the guest's mask bit kept. */
    public Port closed() {
        return new Port(PortState.FREE, false, masked, 0);
    }
}
