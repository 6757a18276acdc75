package pvspec.verification.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.hypervisor.Hypervisor;
import pvspec.hypervisor.bench.Bench;

/**
 * {@code pvspec bench}: hypervisor and model throughput on the same workloads, in one run. The
 * workloads run in a child JVM with a fixed heap, so the memory used is bounded by default (in
 * this JVM the model's garbage grows the heap towards a quarter of the machine's RAM).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  pvspec bench --quick", "  pvspec bench", "  pvspec bench --heap 4g"},
        description = "Measure, in one run, the throughput of the hypervisor and of the model on the same workloads (realistic configuration) and their ratio.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--quick", description = "Short measurements and a 64 MiB boot instead of 1 GiB.")
    boolean quick;

    @CommandLine.Option(names = "--heap", defaultValue = "1g", paramLabel = "SIZE|this",
            description = "Heap of the JVM the workloads run in, as for java -Xmx (default ${DEFAULT-VALUE}); 'this' runs them in this JVM.")
    String heap;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (!heap.equals("this")) {
            if (!heap.matches("[1-9][0-9]{0,6}[mMgG]")) throw new BadInput("--heap must be a size such as 512m or 2g, or 'this', found '" + heap + "'");
            return inChild(out, spec.commandLine().getErr());
        }
        out.println("bench: realistic configuration (4 levels x 512 entries, 2^20 frames), one thread; "
                + (quick ? "quick run" : "about a minute") + "; JMH figures: mvn -B -pl hypervisor -am -Pbench -DskipTests verify");
        out.flush();
        List<Bench.Row> rows = Bench.run(quick);
        out.print(Bench.table(rows));
        out.printf("hypervisor metadata: %d bytes per frame%n", Hypervisor.metadataBytesPerFrame());
        return Pvspec.HOLDS;
    }

    /** The same command in a JVM with {@code -Xmx<heap>}; its output passed through, its exit code returned. */
    private int inChild(PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), Pvspec.class.getName(), "bench", "--heap", "this"));
        if (quick) cmd.add("--quick");
        Process p = new ProcessBuilder(cmd).start();
        Thread errors = new Thread(() -> copy(new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8)), err));
        errors.start();
        copy(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)), out);
        int code = p.waitFor();
        errors.join();
        return code;
    }

    private static void copy(BufferedReader from, PrintWriter to) {
        try (from) {
            for (String line = from.readLine(); line != null; line = from.readLine()) {
                to.println(line);
                to.flush();
            }
        } catch (IOException e) {
            to.println("pvspec: bench: lost the child JVM's output: " + e.getMessage());
        }
    }
}
