package pvspec.model.invariant;

import java.util.List;

/**
 * A broken invariant: which clause of which invariant ({@code INV-12.reading}, or the bare id
 * of an invariant stated as one clause), a sentence saying what is wrong, and the frames and
 * ports involved (ports written {@code d<dom>:<port>}).
 */
public record Violation(String clause, String message, List<Long> frames, List<String> ports) {
    public Violation {
        frames = List.copyOf(frames);
        ports = List.copyOf(ports);
    }

    /** The invariant's id, {@code INV-12}, without the clause. */
    public String invariant() {
        int dot = clause.indexOf('.');
        return dot < 0 ? clause : clause.substring(0, dot);
    }

    public static Violation frame(String invariant, long mfn, String message) {
        return new Violation(invariant, message, List.of(mfn), List.of());
    }

    public static Violation frames(String invariant, String message, Long... mfns) {
        return new Violation(invariant, message, List.of(mfns), List.of());
    }

    public static Violation port(String invariant, int dom, int port, String message) {
        return new Violation(invariant, message, List.of(), List.of(portName(dom, port)));
    }

    public static Violation of(String invariant, String message) {
        return new Violation(invariant, message, List.of(), List.of());
    }

    public static String portName(int dom, int port) {
        return "d" + dom + ":" + port;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(clause).append(": ").append(message);
        if (!frames.isEmpty()) b.append(" [frames ").append(frames).append(']');
        if (!ports.isEmpty()) b.append(" [ports ").append(ports).append(']');
        return b.toString();
    }
}
