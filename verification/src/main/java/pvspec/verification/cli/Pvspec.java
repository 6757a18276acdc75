package pvspec.verification.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code pvspec} command line. Exit codes: 0 the checked property holds, 1 a violation or
 * divergence was found, 2 bad input (unknown command or option, unreadable file, malformed trace).
 */
@Command(name = "pvspec", mixinStandardHelpOptions = true, version = "pvspec 1.0",
        description = "An executable, checked reference specification of a Xen-style paravirtualizing hypervisor.",
        subcommands = {CheckCommand.class, SpecCommand.class, ReplayCommand.class, FuzzCommand.class, AttackCommand.class, GraphCommand.class, MutantsCommand.class, BenchCommand.class},
        synopsisSubcommandLabel = "COMMAND")
public final class Pvspec implements Runnable {
    public static final int HOLDS = 0;
    public static final int VIOLATION = 1;
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Pvspec());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            if (ex instanceof BadInput) {
                line.getErr().println("pvspec: " + ex.getMessage());
                return BAD_INPUT;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: one of check, replay, fuzz, attack, graph, spec, mutants, bench");
    }
}
