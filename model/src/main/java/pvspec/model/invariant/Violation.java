package pvspec.model.invariant;

import java.util.List;

/**
 * A broken invariant: which one, a sentence saying what is wrong, and the frames and ports
 * involved (ports written {@code d<dom>:<port>}).
 */
public record Violation(String invariant, String message, List<Long> frames, List<String> ports) {
    public Violation {
        frames = List.copyOf(frames);
        ports = List.copyOf(ports);
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
        StringBuilder b = new StringBuilder(invariant).append(": ").append(message);
        if (!frames.isEmpty()) b.append(" [frames ").append(frames).append(']');
        if (!ports.isEmpty()) b.append(" [ports ").append(ports).append(']');
        return b.toString();
    }
}
