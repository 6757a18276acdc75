package pvspec.guests.kernel;

import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.runner.VcpuContext;
import pvspec.guests.runner.VcpuProgram;
import pvspec.model.abi.Caller;

/**
 * dom0's toolstack starting one PV guest and cleaning up after it: create the domain, give it
 * its frames, start its boot vCPU on a {@link PvKernel}, wait for it to shut down, destroy it.
 */
public final class BootGuest implements VcpuProgram {
    private final int pages;
    private final int vcpus;
    private final KernelOptions options;
    private volatile PvKernel guest;

    public BootGuest(int pages, int vcpus, KernelOptions options) {
        this.pages = pages;
        this.vcpus = vcpus;
        this.options = options.withShutdown(true);
    }

    @Override
    public void run(VcpuContext cpu) {
        HypercallPage dom0 = cpu.hypercalls();
        StartInfo start = Toolstack.createDomain(dom0, pages, vcpus);
        guest = new PvKernel(start, options);
        cpu.spawn(Caller.kernel(start.domid(), 0), guest);
        cpu.awaitKey(PvKernel.shutdownKey(start.domid()));
        Toolstack.destroyDomain(dom0, start.domid());
    }

    /** The guest's kernel program (null before the domain exists). */
    public PvKernel guest() {
        return guest;
    }
}
