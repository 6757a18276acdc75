package pvspec.guests.runner;

/**
 * What one vCPU runs: ordinary sequential guest code that makes its requests through
 * {@link VcpuContext#hypercalls()}. The runner interleaves several such programs at their
 * requests; between requests a program runs alone (in deterministic mode) or concurrently (on
 * threads), so programs share Java state only through thread-safe objects such as
 * {@link XenStore} or their own synchronized kernel memory.
 */
@FunctionalInterface
public interface VcpuProgram {
    void run(VcpuContext cpu);
}
