package pvspec.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.model.abi.Result;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.verification.replay.ReplayJson;
import pvspec.verification.replay.Replayer;

/** {@code pvspec replay TRACE}: model and hypervisor in lockstep, one line per step. */
@Command(name = "replay", description = "Run a trace on the model and the hypervisor in lockstep; report each step, the invariants, and the first divergence.")
final class ReplayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "TRACE", description = "A trace file.")
    Path file;

    @CommandLine.Option(names = {"-q", "--quiet"}, description = "Print only the verdict.")
    boolean quiet;

    @CommandLine.Option(names = "--json", description = "One JSON object per step per line (line, request, each side's result and refusal check, broken invariants); no verdict line.")
    boolean json;

    @CommandLine.Option(names = "--mutant", paramLabel = "NAME", description = "Replay on this seeded-bug hypervisor instead of the standard one (names: pvspec mutants).")
    String mutant;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Trace t = Inputs.trace(file);
        Replayer.Report r = Replayer.replay(t, mutant == null ? Replayer.implementations() : List.of(Inputs.mutant(mutant).target()));
        if (json) {
            for (Replayer.Row row : r.rows()) out.println(ReplayJson.line(t.config(), r.implementations(), row));
            return r.ok() ? Pvspec.HOLDS : Pvspec.VIOLATION;
        }
        if (!quiet) {
            out.println(TracePrinter.config(t.config()));
            out.printf("%5s  %-60s %s%n", "line", "request", String.join(" | ", r.implementations()) + " | invariants");
            for (Replayer.Row row : r.rows()) out.println(line(t, row));
        }
        if (r.ok()) {
            out.printf("replay %s: %d steps; results as expected, %s agree, every invariant holds%n", file, r.rows().size(), String.join(" and ", r.implementations()));
            return Pvspec.HOLDS;
        }
        Replayer.Row bad = r.firstProblem().orElseThrow();
        out.printf("replay %s: FAILED at line %d: %s%n", file, bad.step().line(), bad.problem().orElseThrow());
        return Pvspec.VIOLATION;
    }

    private static String line(Trace t, Replayer.Row row) {
        List<String> results = new ArrayList<>();
        for (Result res : row.results()) results.add(res.toString());
        String request = TracePrinter.caller(row.step().caller()) + ": " + TracePrinter.call(t.config(), row.step().call());
        String invariants = row.violations().isEmpty() ? "ok" : row.violations().size() + " broken";
        String mark = row.problem().isPresent() ? "!! " : "   ";
        String text = String.format("%s%2d  %-60s %s | %s", mark, row.step().line(), request, String.join(" | ", results), invariants);
        if (row.refusals().isPresent()) text += "   (" + row.refusals().get() + ")";
        if (row.problem().isPresent()) text += "\n     ^ " + row.problem().get();
        return text;
    }
}
