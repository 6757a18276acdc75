package pvspec.verification.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;
import pvspec.verification.replay.ReplayJson;
import pvspec.verification.replay.Replayer;

/** {@code pvspec replay TRACE...}: model and hypervisor in lockstep, one line per step; many traces in one run. */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Run a trace on the model and the hypervisor in lockstep; report each step (result, the model's reason for a refusal), "
                + "the invariants, and the first divergence or broken expectation.",
                "With several traces, one summary line each; the exit code is the worst of them. Traces are streamed: any length replays in bounded memory."},
        footer = {"", "Examples:", "  pvspec replay stale.trace", "  pvspec replay --quiet traces/*.trace",
                "  pvspec attack --trace stale-tlb-across-retype --trace-only | pvspec replay -",
                "", "Exit: 0 every trace as expected, 1 a failure, 2 bad input. Syntax: docs/trace-syntax.md"})
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "TRACE", arity = "1..*", description = "Trace files; - reads standard input.")
    List<String> files;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "Print only the verdict (one line per trace; implied by several traces).")
    boolean quiet;

    /** Where {@code -} reads from (standard input; tests substitute). */
    static InputStream stdin = System.in;
    @CommandLine.Option(names = "--json", description = "One JSON object per step per line (line, request, each side's result and refusal check, broken invariants); no verdict line.")
    boolean json;

    @CommandLine.Option(names = "--mutant", paramLabel = "NAME", description = "Replay on this seeded-bug hypervisor instead of the standard one (names: pvspec mutants).")
    String mutant;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (files.size() == 1) return replay(files.get(0), quiet, out);
        int worst = Pvspec.HOLDS;
        for (String f : files) {
            int code;
            try {
                code = replay(f, true, out);
            } catch (BadInput e) {
                spec.commandLine().getErr().println("pvspec: " + e.getMessage());
                code = Pvspec.BAD_INPUT;
            }
            worst = Math.max(worst, code);
            out.flush();
        }
        return worst;
    }

    private int replay(String file, boolean quiet, PrintWriter out) {
        try (TraceInput in = TraceInput.open(file, stdin)) {
            Config c = in.config();
            Replayer.Session s = Replayer.start(c, mutant == null ? Replayer.implementations() : List.of(Inputs.mutant(mutant).target()));
            if (!quiet && !json) {
                out.println(TracePrinter.config(c));
                out.printf("%5s  %-60s %s%n", "line", "request", String.join(" | ", s.implementations()) + " | invariants");
            }
            long steps = 0;
            for (TraceStep step = in.next(); step != null; step = in.next()) {
                Replayer.Row row = s.step(step);
                steps++;
                if (json) out.println(ReplayJson.line(c, s.implementations(), row));
                else if (!quiet) out.println(line(c, row));
                if (row.problem().isPresent() && json) return Pvspec.VIOLATION;
                if (row.problem().isPresent()) {
                    out.printf("replay %s: FAILED at line %d: %s%s%n", in.name(), step.line(), row.problem().get(),
                            row.reason().map(r -> " (" + r + ")").orElse(""));
                    return Pvspec.VIOLATION;
                }
            }
            if (json) return Pvspec.HOLDS;
            out.printf("replay %s: %d steps; results as expected, %s agree, every invariant holds%n", in.name(), steps,
                    String.join(" and ", s.implementations()));
            return Pvspec.HOLDS;
        }
    }

    private static String line(Config c, Replayer.Row row) {
        List<String> results = new ArrayList<>();
        for (Result res : row.results()) results.add(res.toString());
        String request = TracePrinter.caller(row.step().caller()) + ": " + TracePrinter.call(c, row.step().call());
        String invariants = row.violations().isEmpty() ? "ok" : row.violations().size() + " broken";
        String mark = row.problem().isPresent() ? "!! " : "   ";
        String text = String.format("%s%2d  %-60s %s | %s", mark, row.step().line(), request, String.join(" | ", results), invariants);
        if (row.refusals().isPresent()) text += "   (" + row.refusals().get() + ")";
        if (row.problem().isPresent()) text += "\n     ^ " + row.problem().get();
        return text;
    }
}
