package pvspec.checker.search;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ServiceLoader;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.report.CheckReport;

/**
 * A search engine besides the built-in one, run by {@code pvspec check --engine NAME}. Engines are
 * found with {@link ServiceLoader} on the class path, so that one with heavy dependencies (the
 * Spark backend, module {@code spark}) lives in its own jar and {@code pvspec.jar} stays small.
 * An engine finds what the built-in search finds (same states per depth, verdict and shortest
 * trace length) and reports it in a {@link CheckReport}; the command prints the report and
 * turns it into the exit code, so both are the same for every engine.
 */
public interface SearchEngine {
    /** The name {@code --engine} selects it by. */
    String name();

    /**
     * Runs the search of {@code job}. Extra tables the engine measures (Spark's shuffle per
     * level) go to {@code out}, before the report.
     *
     * @throws Unusable if a setting of the job cannot be used (bad input, exit 2)
     */
    CheckReport check(Job job, PrintWriter out) throws CheckConfigException;

    /** A job the engine cannot run as asked (a master it cannot reach, a setting it does not know): bad input, one message. */
    final class Unusable extends RuntimeException {
        public Unusable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * What to check: a configuration by its text (an engine may ship it to other machines, where
     * the file need not exist), the depth bound (empty: the configuration's), whether symmetry
     * reductions may be used, the engine's cluster ({@code master}, null: the engine's default),
     * how many partitions to hash states into (0: the engine's default), and whether to print
     * the shuffle per level.
     */
    record Job(String source, String text, OptionalInt depth, boolean symmetry, String master, int partitions, boolean shuffle) {}

    /** The engine named {@code name} on the class path, if there is one. */
    static Optional<SearchEngine> find(String name) {
        for (SearchEngine e : ServiceLoader.load(SearchEngine.class)) if (e.name().equals(name)) return Optional.of(e);
        return Optional.empty();
    }
}
