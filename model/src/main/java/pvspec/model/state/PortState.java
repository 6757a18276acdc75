package pvspec.model.state;

/**
 * The state of an event-channel port ({@code ECS_*}): free, reserved (port 0), waiting for one
 * named domain to bind ({@link Unbound}), connected to a port of another domain
 * ({@link Interdomain}), or bound to a virtual IRQ or an inter-processor interrupt.
 */
public sealed interface PortState {

    /** The {@code EVTCHNSTAT_*} code {@code EVTCHNOP_status} reports. */
    int status();

    Free FREE = new Free();
    Reserved RESERVED = new Reserved();
    Ipi IPI = new Ipi();

    record Free() implements PortState {
        @Override public int status() { return 0; } // EVTCHNSTAT_closed
    }

    /** Port 0: never usable. */
    record Reserved() implements PortState {
        @Override public int status() { return 0; } // EVTCHNSTAT_closed
    }

    /** Allocated; only {@code remoteDom} may connect to it. */
    record Unbound(int remoteDom) implements PortState {
        @Override public int status() { return 1; }
    }

    /** Connected to {@code remotePort} of {@code remoteDom}, which is connected back. */
    record Interdomain(int remoteDom, int remotePort) implements PortState {
        @Override public int status() { return 2; }
    }

    /** Receives virtual IRQ {@code virq} (on the port's notify vCPU). */
    record Virq(int virq) implements PortState {
        @Override public int status() { return 4; }
    }

    /** Inter-processor interrupt to the port's notify vCPU. */
    record Ipi() implements PortState {
        @Override public int status() { return 5; }
    }
}
