package pvspec.verification.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.model.abi.DomId;
import pvspec.model.invariant.Violation;
import pvspec.model.state.Frame;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.verification.graph.DotRenderer;
import pvspec.verification.replay.Replayer;

/** {@code pvspec graph TRACE}: the state after a step of a trace (by default the last, or the first failure) as a picture. */
@Command(name = "graph", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Draw frames, ownership, types, counts and page-table edges, grants and event channels after a step of a trace "
                + "(by default its last step, or the step where it fails: the frames and edges a broken invariant names are drawn red).",
                "Output: Graphviz DOT, or SVG, PNG or PDF rendered by Graphviz's 'dot' (apt-get install graphviz)."},
        footer = {"", "Examples:", "  pvspec graph docs/graph-example.trace --out pair.svg", "  pvspec graph stale.trace --step 10 > before-retype.dot",
                "", "Exit: 0 the trace holds up to the drawn step, 1 it fails there (drawn at the failure), 2 bad input."})
final class GraphCommand implements Callable<Integer> {
    /** More frames than this make an unreadable picture and a DOT file Graphviz takes minutes on. */
    static final int MAX_FRAMES_DRAWN = 4096;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "TRACE", description = "A trace file; - reads standard input.")
    String file;

    @CommandLine.Option(names = "--out", paramLabel = "FILE", description = "Write here instead of standard output: .dot or .gv (DOT text), "
            + ".svg, .png or .pdf (rendered with Graphviz 'dot').")
    Path out;

    @CommandLine.Option(names = "--step", paramLabel = "N", description = "Draw the state after the first N steps (0: the initial state; default: all).")
    Integer step;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (out != null) Outputs.requireWritable(out, "--out");
        String format = out == null ? "dot" : format(out);
        if (step != null && step < 0) throw new BadInput("--step must be 0 or more");
        try (TraceInput in = TraceInput.open(file, ReplayCommand.stdin)) {
            Replayer.Session s = Replayer.start(in.config(), List.of());
            int done = 0;
            Optional<Replayer.Row> failed = Optional.empty();
            TraceStep last = null;
            while (step == null || done < step) {
                TraceStep next = in.next();
                if (next == null) break;
                last = next;
                Replayer.Row row = s.step(next);
                done++;
                if (row.problem().isPresent()) {
                    failed = Optional.of(row);
                    break;
                }
            }
            if (step != null && done < step) throw new BadInput("--step " + step + ": " + in.name() + " has only " + done + " steps");
            State state = s.state();
            requireDrawable(state);
            List<Violation> violations = failed.map(Replayer.Row::violations).orElse(List.of());
            String name = in.name().equals("<stdin>") ? "<stdin>" : Path.of(in.name()).getFileName().toString();
            String title = failed.isEmpty() ? name + ": state after " + done + " steps" + (last == null ? "" : " (line " + last.line() + ")")
                    : name + ": state at line " + failed.get().step().line() + " — " + failed.get().problem().get();
            String dot = DotRenderer.render(state, violations, title);
            if (out == null) {
                stdout.print(dot);
            } else if (format.equals("dot")) {
                Outputs.write(out, dot, "--out");
                stdout.println("wrote " + out);
            } else {
                render(dot, format, out);
                stdout.println("wrote " + out);
            }
            if (failed.isPresent()) {
                spec.commandLine().getErr().println("graph " + in.name() + ": FAILED at line " + failed.get().step().line() + ": "
                        + failed.get().problem().get());
                return Pvspec.VIOLATION;
            }
            return Pvspec.HOLDS;
        }
    }

    private static String format(Path out) {
        String n = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot + 1);
        switch (ext) {
            case "dot": case "gv": return "dot";
            case "svg": case "png": case "pdf": return ext;
            default: throw new BadInput("--out " + out + ": unknown picture format '" + (dot < 0 ? "(none)" : "." + ext)
                    + "' (.dot or .gv for DOT text; .svg, .png or .pdf rendered with Graphviz)");
        }
    }

    private static void requireDrawable(State s) {
        long drawn = 0;
        for (Frame f : s.frames()) if (!f.isFree() || f.owner() == DomId.DOMID_XEN) drawn++;
        if (drawn > MAX_FRAMES_DRAWN) {
            throw new BadInput("the state has " + drawn + " frames in use; graph draws at most " + MAX_FRAMES_DRAWN
                    + " (a larger picture is unreadable and takes Graphviz minutes); draw an earlier step with --step N");
        }
    }

    private static void render(String dot, String format, Path file) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("dot", "-T" + format, "-o", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new BadInput("--out " + file + ": rendering " + format.toUpperCase(Locale.ROOT)
                    + " needs Graphviz's 'dot', which is not installed (Debian/Ubuntu: apt-get install graphviz); or write DOT with --out FILE.dot");
        }
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new BadInput("--out " + file + ": Graphviz 'dot' did not finish within 60 s");
        }
        if (p.exitValue() != 0) throw new BadInput("--out " + file + ": Graphviz 'dot' failed: " + log.strip());
    }
}
