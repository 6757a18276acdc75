package pvspec.model.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

/**
 * The scenario traces under {@code src/test/resources/scenarios}: written once, run against the
 * model here and against the hypervisor and the guests in the other modules.
 */
public final class Scenarios {
    private Scenarios() {}

    public static final List<String> ALL = List.of(
            "two-level-address-space",
            "four-level-address-space",
            "domu-pair-event-channel-and-grant",
            "destroy-returns-everything",
            "linear-page-tables",
            "decrease-while-mapped",
            "traps-and-callbacks");

    public static String text(String name) {
        try (InputStream in = Scenarios.class.getResourceAsStream("/scenarios/" + name + ".trace")) {
            if (in == null) throw new IllegalArgumentException("no scenario " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Trace trace(String name) {
        try {
            return Trace.parse(name + ".trace", text(name));
        } catch (TraceSyntaxException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
