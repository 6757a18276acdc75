package pvspec.spark.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.report.CheckReport;
import pvspec.checker.search.ModelChecker;
import pvspec.checker.config.Options;
import pvspec.spark.ShuffleMeter;
import pvspec.spark.SparkSearch;
import pvspec.spark.Spec;
import pvspec.verification.cli.Pvspec;

/**
 * {@code pvspec-spark check}: {@code pvspec check} with a choice of engine. {@code --engine spark}
 * runs the search on Spark (local mode by default, or the cluster {@code spark-submit} or
 * {@code --master} names); {@code --engine builtin} runs the built-in checker with the same
 * reductions, for comparison. Exit codes are {@code pvspec}'s.
 */
@Command(name = "pvspec-spark", mixinStandardHelpOptions = true, subcommands = PvspecSpark.Check.class,
        description = "The pvspec checker's breadth-first search on Apache Spark.")
public final class PvspecSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new PvspecSpark());
        cl.setOut(out);
        cl.setErr(err);
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof CheckConfigException || ex instanceof BadInput) {
                err.println("pvspec-spark: " + ex.getMessage());
                return Pvspec.BAD_INPUT;
            }
            err.println("pvspec-spark: internal error: " + ex);
            err.println("  this is a defect of pvspec, not of your input; run the same command with --debug for the stack trace");
            if (debug) ex.printStackTrace(err);
            return Pvspec.INTERNAL_ERROR;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: check");
    }

    /** Bad input found by this command (not by the configuration parser). */
    static final class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message, null, false, false);
        }
    }

    @Command(name = "check", description = "Exhaustive, breadth-first model checking of the model from a configuration; "
            + "prints the shortest counterexample trace on a violation.")
    static final class Check implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--config", defaultValue = "small", paramLabel = "small|FILE",
                description = "A built-in configuration or a checking file (a trace with #! directives); default ${DEFAULT-VALUE}.")
        String config;

        @CommandLine.Option(names = "--engine", defaultValue = "spark", paramLabel = "spark|builtin",
                description = "spark: the search on Spark; builtin: the built-in checker (same reductions); default ${DEFAULT-VALUE}.")
        String engine;

        @CommandLine.Option(names = "--master", paramLabel = "URL",
                description = "Spark master (default: the one spark-submit gives, else local[*]).")
        String master;

        @CommandLine.Option(names = "--partitions", defaultValue = "0", paramLabel = "N",
                description = "Hash partitions of the visited set and of each level (default: four per core).")
        int partitions;

        @CommandLine.Option(names = "--depth", paramLabel = "N", description = "Explore N steps deep (default: the configuration's).")
        Integer depth;

        @CommandLine.Option(names = "--threads", paramLabel = "N", description = "builtin engine: worker threads (default: all cores).")
        Integer threads;

        @CommandLine.Option(names = "--no-reductions", description = "Switch off the symmetry reductions (the Spark engine never uses the independence one).")
        boolean unreduced;

        @CommandLine.Option(names = "--json", description = "Print the final report as JSON.")
        boolean json;

        @CommandLine.Option(names = "--shuffle", description = "spark engine: also print each level's shuffle (bytes and records written, bytes read).")
        boolean shuffle;

        @CommandLine.Option(names = "--debug", description = "On an internal error, print the Java stack trace too.")
        boolean debug;

        @Override
        public Integer call() throws CheckConfigException {
            PrintWriter out = spec.commandLine().getOut();
            Spec s = open();
            s.parse(); // bad input fails here, before Spark starts
            if (depth != null && depth <= 0) throw new BadInput("--depth must be positive");
            OptionalInt d = depth == null ? OptionalInt.empty() : OptionalInt.of(depth);
            CheckReport r;
            if ("builtin".equals(engine)) {
                Options o = s.options();
                if (depth != null) o = o.withDepth(depth);
                if (threads != null) o = o.withThreads(threads);
                r = ModelChecker.run(s.parse(), o);
            } else if ("spark".equals(engine)) {
                SparkConf conf = new SparkConf().setAppName("pvspec-spark check " + config);
                if (master != null) conf.setMaster(master);
                else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
                try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                    sc.setLogLevel("WARN"); // Spark's INFO lines would bury the report
                    SparkSearch search = new SparkSearch(sc, s, partitions);
                    r = search.run(d);
                    if (shuffle) {
                        out.println("depth  shuffle-written-bytes  shuffle-records  shuffle-read-bytes");
                        for (ShuffleMeter.Figures f : search.shuffles()) {
                            out.printf("%5d  %21d  %15d  %18d%n", f.depth(), f.bytesWritten(), f.recordsWritten(), f.bytesRead());
                        }
                    }
                }
            } else {
                throw new BadInput("--engine must be spark or builtin, not '" + engine + "'");
            }
            out.print(json ? r.toJson() : r.summary());
            switch (r.outcome()) {
                case "holds": return Pvspec.HOLDS;
                case "inconclusive": return Pvspec.INCONCLUSIVE;
                default: return Pvspec.VIOLATION;
            }
        }

        private Spec open() {
            try {
                return Spec.open(config, !unreduced);
            } catch (NoSuchFileException e) {
                throw new BadInput(config + ": no such built-in configuration or file");
            } catch (IOException e) {
                throw new BadInput(config + ": " + e.getMessage());
            }
        }
    }
}
