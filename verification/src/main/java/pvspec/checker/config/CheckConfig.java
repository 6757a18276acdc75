package pvspec.checker.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import pvspec.model.state.Config;
import pvspec.model.trace.Trace;

/**
 * What to check: a machine ({@link Config}), the scenario that builds the state the search starts
 * from (dom0 creating and populating the domUs), the request space the search draws every step
 * from, and default bounds.
 *
 * <p>A configuration file is a trace, so {@code pvspec replay} runs its scenario, with directives
 * in {@code #!} comments ({@link CheckConfigParser} lists them). {@link #small()} is the built-in
 * default of {@code pvspec check}.
 *
 * @param name what the report calls it
 * @param scenario the trace whose final state is the search's initial state
 * @param requests the request space
 * @param domains the argument domains the request space was expanded from
 * @param depth the default depth bound
 * @param maxStates the default bound on distinct states
 * @param properties its invariants, constraints and reach queries beyond INV-1..INV-13
 */
public record CheckConfig(String name, Trace scenario, RequestSpace requests, ArgumentDomains domains, OptionalInt depth,
                          OptionalLong maxStates, CheckProperties properties) {

    public CheckConfig(String name, Trace scenario, RequestSpace requests, ArgumentDomains domains, OptionalInt depth, OptionalLong maxStates) {
        this(name, scenario, requests, domains, depth, maxStates, CheckProperties.NONE);
    }

    public CheckConfig withProperties(CheckProperties p) {
        return new CheckConfig(name, scenario, requests, domains, depth, maxStates, p);
    }

    public Config config() {
        return scenario.config();
    }

    public static CheckConfig parse(String source, String text) throws CheckConfigException {
        return CheckConfigParser.parse(source, text);
    }

    public static CheckConfig load(Path file) throws CheckConfigException, IOException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** A built-in configuration by name ({@code small}), from this module's resources. */
    public static CheckConfig builtIn(String name) throws CheckConfigException {
        return parse(name, builtInText(name));
    }

    /** What {@code pvspec check --config X} means: the built-in configuration named X, or else the file X. */
    public static CheckConfig open(String nameOrFile) throws CheckConfigException, IOException {
        if (isBuiltIn(nameOrFile)) return builtIn(nameOrFile);
        return load(Path.of(nameOrFile));
    }

    /** The text {@link #open} parses (for engines that ship it elsewhere). */
    public static String openText(String nameOrFile) throws IOException {
        return isBuiltIn(nameOrFile) ? builtInText(nameOrFile) : Files.readString(Path.of(nameOrFile), StandardCharsets.UTF_8);
    }

    /** Whether {@code pvspec check --config X} names the built-in configuration X (rather than a file). */
    public static boolean isBuiltIn(String name) {
        return CheckConfig.class.getResource(resource(name)) != null;
    }

    /** The default of {@code pvspec check}: {@code small.check}. */
    public static CheckConfig small() {
        try {
            return builtIn("small");
        } catch (CheckConfigException e) {
            throw new IllegalStateException("the built-in configuration is broken: " + e.getMessage(), e);
        }
    }

    /** The text of a built-in configuration, to show or to copy and edit. */
    public static String builtInText(String name) {
        try (InputStream in = CheckConfig.class.getResourceAsStream(resource(name))) {
            if (in == null) throw new IllegalArgumentException("no built-in configuration '" + name + "'");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) {
        return "/pvspec/checker/" + name + ".check";
    }
}
