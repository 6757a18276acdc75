package pvspec.hypervisor.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import pvspec.model.state.Config;

/**
 * A 1 GiB 4-level PV guest boot on the realistic configuration: create, populate 2^18 data frames
 * and 515 tables, write every table, pin the L4 (validating the tree), load it. Each
 * invocation starts from a freshly booted machine (set-up not timed).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class BootBench {
    @Param({"hypervisor", "model"})
    public String target;

    private final Config config = Config.realistic();
    private List<Object[]> requests;
    private Target fresh;

    @Setup(Level.Trial)
    public void requests() {
        requests = Workloads.bootRequests(config, 1L << 30);
    }

    @Setup(Level.Invocation)
    public void machine() {
        fresh = Target.of(target, config);
    }

    @Benchmark
    public int boot1GiB() {
        return Workloads.boot(fresh, requests);
    }
}
