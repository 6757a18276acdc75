package pvspec.guests.driver;

import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.runner.VcpuContext;

/**
 * The dom0 half of a split driver (blkback/netback): map the frontend's ring grant into a spare
 * page of its own address space, bind to the frontend's port, answer every request, then
 * unmap and close before the frontend ends access.
 */
public final class Backend {
    private final SharedRing ring;
    private final int messages;

    public Backend(SharedRing ring, int messages) {
        this.ring = ring;
        this.messages = messages;
    }

    /** Serve the frontend of domain {@code frontend}, on dom0's booted kernel. */
    public void run(VcpuContext cpu, Kernel dom0, int frontend) {
        HypercallPage hp = cpu.hypercalls();
        int ref = (int) cpu.awaitKey(XenbusKeys.ringRef(frontend));
        int remotePort = (int) cpu.awaitKey(XenbusKeys.eventChannel(frontend));
        long ringVa = dom0.layout().spareVa(0);
        int handle = (int) hp.value(Calls.mapGrantRef(frontend, ref, false, ringVa));
        int port = (int) hp.value(Calls.bindInterdomain(frontend, remotePort));
        hp.ok(Calls.clearEvtchn(port)); // bind_interdomain marks the new port pending, in case an event was lost
        cpu.store().write(XenbusKeys.connected(frontend), 1);
        for (int i = 0; i < messages; i++) {
            cpu.await(ring::hasRequest);
            int id = ring.popRequest(hp, ringVa);
            hp.ok(Calls.clearEvtchn(port));
            ring.pushResponse(hp, ringVa, id);
            hp.ok(Calls.send(port));
        }
        cpu.awaitKey(XenbusKeys.frontendDone(frontend));
        hp.ok(Calls.unmapGrantRef(handle, ringVa));
        hp.ok(Calls.close(port));
        cpu.store().write(XenbusKeys.backendClosed(frontend), 1);
    }
}
