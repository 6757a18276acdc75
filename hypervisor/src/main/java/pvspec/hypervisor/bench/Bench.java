package pvspec.hypervisor.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import pvspec.model.state.Config;

/**
 * The benchmark without JMH (for {@code pvspec bench}): each workload on the hypervisor and on
 * the model, in one run, timed with {@link System#nanoTime()} after a warm-up; prints ops/s and
 * the ratio. The JMH benchmarks in the test sources measure the same workloads more carefully.
 */
public final class Bench {
    private Bench() {}

    /** One measured workload: ops/s on each target. */
    public static final class Row {
        public final String workload;
        public final double hypervisor;
        public final double model;

        Row(String workload, double hypervisor, double model) {
            this.workload = workload;
            this.hypervisor = hypervisor;
            this.model = model;
        }

        public double ratio() {
            return hypervisor / model;
        }
    }

    interface Factory {
        Workloads.Workload make(Target t, Config c);
    }

    public static List<Row> run(boolean quick) {
        Config c = Config.realistic();
        double seconds = quick ? 0.3 : 2;
        List<Row> rows = new ArrayList<>();
        rows.add(row("mmu_update L1, slow path (batches of 512)", c, seconds, (t, k) -> Workloads.l1Updates(t, k, false, 512)));
        rows.add(row("mmu_update L1, fast path (batches of 512)", c, seconds, (t, k) -> Workloads.l1Updates(t, k, true, 512)));
        rows.add(row("mmu_update L1, slow path (1 per call)", c, seconds, (t, k) -> Workloads.l1Updates(t, k, false, 1)));
        rows.add(row("pin + unpin L1 (512 entries)", c, seconds, Workloads::pinUnpin));
        rows.add(row("event_channel_op send (+ clear)", c, seconds, Workloads::evtchnSend));
        long bytes = quick ? 64L << 20 : 1L << 30;
        rows.add(new Row("boot " + (bytes >> 20) + " MiB guest (boots/s)", bootsPerSecond("hypervisor", c, bytes), bootsPerSecond("model", c, bytes)));
        return rows;
    }

    private static Row row(String name, Config c, double seconds, Factory f) {
        return new Row(name, opsPerSecond(f.make(Target.of("hypervisor", c), c), seconds),
                opsPerSecond(f.make(Target.of("model", c), c), seconds));
    }

    static double opsPerSecond(Workloads.Workload w, double seconds) {
        long budget = (long) (seconds * 1e9);
        long end = System.nanoTime() + budget / 2;
        while (System.nanoTime() < end) w.run(); // warm-up
        long ops = 0;
        long start = System.nanoTime();
        long now = start;
        while (now - start < budget) {
            ops += w.run();
            now = System.nanoTime();
        }
        return ops / ((now - start) / 1e9);
    }

    static double bootsPerSecond(String target, Config c, long bytes) {
        List<Object[]> requests = Workloads.bootRequests(c, bytes);
        Workloads.boot(Target.of(target, c), requests); // warm-up
        Target t = Target.of(target, c);
        long start = System.nanoTime();
        Workloads.boot(t, requests);
        return 1e9 / (System.nanoTime() - start);
    }

    public static String table(List<Row> rows) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-44s %16s %14s %9s%n", "workload", "hypervisor ops/s", "model ops/s", "ratio"));
        for (Row r : rows) b.append(String.format(Locale.ROOT, "%-44s %16.0f %14.0f %8.1fx%n", r.workload, r.hypervisor, r.model, r.ratio()));
        return b.toString();
    }

    public static void main(String[] args) {
        boolean quick = args.length > 0 && args[0].equals("--quick");
        System.out.print(table(run(quick)));
    }
}
