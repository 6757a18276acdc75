package pvspec.properties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

/** Traces under {@code src/test/resources/checks} that reach refusals random runs rarely reach; a missing file fails. */
final class Witnesses {
    private Witnesses() {}

    static final List<String> ALL = List.of("rare-refusals", "exchange-refusals", "grant-refusals", "grant-copy-refusals",
            "grant-version-refusals", "grant-swap-refusals");

    static Trace trace(String name) {
        try (InputStream in = Witnesses.class.getResourceAsStream("/checks/" + name + ".trace")) {
            if (in == null) throw new IllegalStateException("no witness trace checks/" + name + ".trace");
            return Trace.parse(name + ".trace", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (TraceSyntaxException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
