package pvspec.verification.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pvspec} command line. Exit codes, the same for every command (a CI can rely on
 * them): 0 the checked property holds (complete within the stated bounds), 1 a violation,
 * divergence or witness was found, 2 bad input or usage, 3 inconclusive (cut by time, a state
 * bound or memory), 4 internal error (a message and where to report it; the stack trace only
 * with {@code --debug}).
 */
@Command(name = "pvspec", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An executable, checked reference specification of a Xen-style paravirtualizing hypervisor.",
        subcommands = {CheckCommand.class, SpecCommand.class, ReplayCommand.class, FuzzCommand.class, AttackCommand.class, GraphCommand.class,
                MutantsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Examples:", "  pvspec check", "  pvspec help replay", "  pvspec attack --trace stale-tlb-across-retype --trace-only > stale.trace",
                "  pvspec replay stale.trace", "",
                "Exit codes: 0 holds, 1 violation, divergence or witness found, 2 bad input or usage, 3 inconclusive (cut by time, a bound or memory),",
                "4 internal error. The trace syntax: docs/trace-syntax.md."})
public final class Pvspec implements Runnable {
    public static final int HOLDS = 0;
    public static final int VIOLATION = 1;
    public static final int BAD_INPUT = 2;
    public static final int INCONCLUSIVE = 3;
    public static final int INTERNAL_ERROR = 4;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the Java stack trace too.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        Pvspec root = new Pvspec();
        CommandLine cl = new CommandLine(root);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInput) {
                line.getErr().println("pvspec: " + ex.getMessage());
                return BAD_INPUT;
            }
            return internalError(ex, line.getErr(), root.debug);
        });
        int code;
        try {
            code = cl.execute(args);
        } catch (RuntimeException | Error e) {
            // Thrown outside a command's run (picocli's own parsing or handler code).
            code = internalError(e, err, root.debug);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Anything that is neither a verdict nor bad input is a defect of pvspec: say so, exit 4. */
    static int internalError(Throwable e, PrintWriter err, boolean debug) {
        if (e instanceof OutOfMemoryError) {
            err.println("pvspec: out of memory (" + e.getMessage() + "); give the JVM more with -Xmx or make the run smaller");
            return INCONCLUSIVE;
        }
        err.println("pvspec: internal error: " + e);
        err.println("  this is a defect of pvspec, not of your input; please report it with the command line"
                + (debug ? " and the trace below" : " and the output of the same command with --debug"));
        if (debug) e.printStackTrace(err);
        return INTERNAL_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of check, replay, fuzz, attack, graph, spec, mutants, bench");
    }
}
