package pvspec.spark.cli;

import java.io.PrintWriter;
import pvspec.verification.cli.Pvspec;

/**
 * The main class of {@code spark/target/pvspec-spark.jar}: {@code pvspec}'s command line, the same
 * commands, options, reports and exit codes, with the Spark engine on the class path, so that
 * {@code check --engine spark} runs (pvspec.jar alone refuses it with exit 2 and names this jar).
 * {@code spark-submit --class pvspec.spark.cli.PvspecSpark} starts the same.
 */
public final class PvspecSpark {
    private PvspecSpark() {}

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return Pvspec.run(out, err, args);
    }
}
