package pvspec.guests.driver;

import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.kernel.KernelOptions;
import pvspec.guests.kernel.PvKernel;
import pvspec.guests.kernel.StartInfo;
import pvspec.guests.kernel.Toolstack;
import pvspec.guests.runner.VcpuContext;
import pvspec.guests.runner.VcpuProgram;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;

/**
 * The classic PV I/O set-up, as dom0's program: dom0 boots its own kernel (with a spare page for
 * the ring mapping), creates a domU whose kernel runs the {@link Frontend}, serves it as the
 * {@link Backend} for {@code messages} requests, and destroys it once it has shut down.
 */
public final class SplitDriver implements VcpuProgram {
    private final int dom0Pages;
    private final int domUPages;
    private final SharedRing ring = new SharedRing();
    private final Frontend frontend;
    private final Backend backend;
    private volatile StartInfo domU;

    public SplitDriver(int dom0Pages, int domUPages, int messages) {
        this.dom0Pages = dom0Pages;
        this.domUPages = domUPages;
        this.frontend = new Frontend(ring, messages);
        this.backend = new Backend(ring, messages);
    }

    @Override
    public void run(VcpuContext cpu) {
        HypercallPage dom0 = cpu.hypercalls();
        Kernel kernel = Kernel.boot(cpu, Toolstack.populateSelf(dom0, dom0Pages, 1), new KernelOptions(1, 1, false));
        domU = Toolstack.createDomain(dom0, domUPages, 1);
        StartInfo start = domU;
        cpu.spawn(Caller.kernel(start.domid(), 0), c -> {
            Kernel k = Kernel.boot(c, start, KernelOptions.domU());
            frontend.run(c, k);
            k.shutdown(c);
            c.store().write(PvKernel.shutdownKey(start.domid()), 1);
        });
        backend.run(cpu, kernel, start.domid());
        cpu.awaitKey(PvKernel.shutdownKey(start.domid()));
        Toolstack.destroyDomain(dom0, start.domid());
    }

    /** The domU as the toolstack created it (null before). */
    public StartInfo domU() {
        return domU;
    }

    /** What the frontend's premature {@code end_access} returned. */
    public Result endAccessWhileMapped() {
        return frontend.endAccessWhileMapped();
    }
}
