package pvspec.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.model.invariant.Violation;
import pvspec.model.trace.Trace;
import pvspec.verification.graph.DotRenderer;
import pvspec.verification.replay.Replayer;

/** {@code pvspec graph TRACE}: the state at the end of a trace (or at its first violation) as a picture. */
@Command(name = "graph", description = "Draw frames, ownership, types and page-table edges at the end of a trace (or at its first violation) as Graphviz DOT or SVG.")
final class GraphCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "TRACE", description = "A trace file.")
    Path file;

    @CommandLine.Option(names = "--out", paramLabel = "FILE.dot|FILE.svg", description = "Write here instead of standard output; .svg renders with Graphviz 'dot'.")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        Trace t = Inputs.trace(file);
        Replayer.Report r = Replayer.replay(t, List.of());
        List<Violation> violations = r.firstProblem().map(Replayer.Row::violations).orElse(List.of());
        String title = file.getFileName() + (r.ok() ? ": state after " + r.rows().size() + " steps"
                : ": state at line " + r.firstProblem().get().step().line() + " — " + r.firstProblem().get().problem().get());
        String dot = DotRenderer.render(r.finalState(), violations, title);
        if (out == null) {
            stdout.print(dot);
        } else if (out.toString().endsWith(".svg")) {
            renderSvg(dot, out);
            stdout.println("wrote " + out);
        } else {
            Files.writeString(out, dot, StandardCharsets.UTF_8);
            stdout.println("wrote " + out);
        }
        return Pvspec.HOLDS;
    }

    private static void renderSvg(String dot, Path svg) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-Tsvg", "-o", svg.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BadInput("rendering SVG needs Graphviz's 'dot', which is not installed (Debian/Ubuntu: apt-get install graphviz); "
                    + "or write DOT with --out FILE.dot");
        }
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new BadInput("dot failed: " + log);
    }
}
