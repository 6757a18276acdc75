package pvspec.hypervisor.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pvspec.model.state.Config;

/**
 * Hypercall throughput, hypervisor and model on the same workloads (realistic configuration:
 * 4 levels of 512 entries, 2^20 frames), one thread. Scores are operations per second: L1
 * entries written, pin+unpin pairs, sends.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HypercallBench {
    @Param({"hypervisor", "model"})
    public String target;

    private Workloads.Workload slow;
    private Workloads.Workload fast;
    private Workloads.Workload single;
    private Workloads.Workload pin;
    private Workloads.Workload send;

    @Setup
    public void setUp() {
        Config c = Config.realistic();
        slow = Workloads.l1Updates(Target.of(target, c), c, false, 512);
        fast = Workloads.l1Updates(Target.of(target, c), c, true, 512);
        single = Workloads.l1Updates(Target.of(target, c), c, false, 1);
        pin = Workloads.pinUnpin(Target.of(target, c), c);
        send = Workloads.evtchnSend(Target.of(target, c), c);
    }

    /** Valid L1 updates that move each entry to another frame (references taken and dropped), 512 per hypercall. */
    @Benchmark
    @OperationsPerInvocation(512)
    public int l1UpdateSlowPathBatched() {
        return slow.run();
    }

    /** Valid L1 updates that only toggle the accessed bit (Xen's fast path), 512 per hypercall. */
    @Benchmark
    @OperationsPerInvocation(512)
    public int l1UpdateFastPathBatched() {
        return fast.run();
    }

    /** Slow-path L1 updates, one per hypercall (per-call overhead included). */
    @Benchmark
    public int l1UpdateSlowPathSingle() {
        return single.run();
    }

    /** Pin then unpin an L1 mapping 512 data frames writable: full validation and devalidation. */
    @Benchmark
    public int pinUnpinL1() {
        return pin.run();
    }

    /** An interdomain send, with the receiver's clear so each send delivers. */
    @Benchmark
    public int evtchnSend() {
        return send.run();
    }
}
