package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.hypervisor.Hypervisor;
import pvspec.hypervisor.bench.Bench;

/** {@code pvspec bench}: hypervisor and model throughput on the same workloads, in one run. */
@Command(name = "bench", description = "Measure, in one run, the throughput of the hypervisor and of the model on the same workloads (realistic configuration) and their ratio.")
final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--quick", description = "Short measurements and a 64 MiB boot instead of 1 GiB.")
    boolean quick;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("bench: realistic configuration (4 levels x 512 entries, 2^20 frames), one thread; "
                + (quick ? "quick run" : "about a minute") + "; JMH figures: mvn -B -pl hypervisor -am -Pbench -DskipTests verify");
        out.flush();
        List<Bench.Row> rows = Bench.run(quick);
        out.print(Bench.table(rows));
        out.printf("hypervisor metadata: %d bytes per frame%n", Hypervisor.metadataBytesPerFrame());
        return Pvspec.HOLDS;
    }
}
