package pvspec.guests.kernel;

import pvspec.guests.runner.VcpuContext;
import pvspec.guests.runner.VcpuProgram;

/**
 * A well-behaved PV guest kernel, the boot vCPU's program: build the address space, install
 * traps and callbacks, bring up the other vCPUs, bind timers and IPIs, touch memory, and shut
 * down. {@link #kernel()} is the booted kernel (for the tests and for drivers running on it).
 */
public final class PvKernel implements VcpuProgram {
    private final StartInfo start;
    private final KernelOptions options;
    private volatile Kernel kernel;

    public PvKernel(StartInfo start, KernelOptions options) {
        this.start = start;
        this.options = options;
    }

    @Override
    public void run(VcpuContext cpu) {
        kernel = Kernel.boot(cpu, start, options);
        kernel.startSecondaries(cpu);
        kernel.smp(cpu, 0);
        kernel.awaitAll(cpu);
        if (options.shutdown()) {
            kernel.shutdown(cpu);
            cpu.store().write(shutdownKey(start.domid()), 1); // what VIRQ_DOM_EXC tells the toolstack
        }
    }

    /** The store key a kernel sets once it has shut down. */
    public static String shutdownKey(int domid) {
        return "domain/" + domid + "/shutdown";
    }

    /** The kernel once booted (null before). */
    public Kernel kernel() {
        return kernel;
    }
}
