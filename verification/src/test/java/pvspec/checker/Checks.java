package pvspec.checker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;

/** The test configurations under {@code src/test/resources/checks}. */
public final class Checks {
    private Checks() {}

    public static String text(String name) {
        try (InputStream in = Checks.class.getResourceAsStream("/checks/" + name + ".check")) {
            if (in == null) throw new IllegalArgumentException("no test configuration " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CheckConfig load(String name) {
        try {
            return CheckConfig.parse(name + ".check", text(name));
        } catch (CheckConfigException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
