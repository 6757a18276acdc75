package pvspec.guests.driver;

import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.GuestFailure;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.runner.VcpuContext;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;

/**
 * The domU half of a split driver (blkfront/netfront): share a ring frame with the backend
 * through a grant, offer it an unbound event channel, send it requests and collect its
 * responses, then tear down — ending access only after the backend has unmapped.
 */
public final class Frontend {
    /** The grant reference of the ring (refs 0..7 are reserved in Xen; the model has no such rule). */
    static final int RING_REF = 0;

    private final SharedRing ring;
    private final int messages;
    private volatile Result endAccessWhileMapped;

    public Frontend(SharedRing ring, int messages) {
        this.ring = ring;
        this.messages = messages;
    }

    /** Run on the domU's boot vCPU, on its booted kernel. */
    public void run(VcpuContext cpu, Kernel kernel) {
        HypercallPage hp = cpu.hypercalls();
        int me = kernel.domid();
        long ringFrame = kernel.layout().dataFrames().get(kernel.layout().dataFrames().size() - 1);
        long ringVa = kernel.layout().vaOf(ringFrame);
        // Connect: grant the ring to dom0, allocate an unbound port for it, publish both.
        hp.ok(Calls.grantAccess(RING_REF, DomId.DOM0, ringFrame, false));
        int port = (int) hp.value(Calls.allocUnbound(DomId.DOM0));
        cpu.store().write(XenbusKeys.ringRef(me), RING_REF);
        cpu.store().write(XenbusKeys.eventChannel(me), port);
        cpu.awaitKey(XenbusKeys.connected(me));
        // Exchange: one request at a time, each notified, each answer acknowledged.
        for (int id = 0; id < messages; id++) {
            ring.pushRequest(hp, ringVa, id);
            hp.ok(Calls.send(port));
            cpu.await(ring::hasResponse);
            int answer = ring.popResponse(hp, ringVa);
            hp.ok(Calls.clearEvtchn(port));
            if (answer != id) throw new GuestFailure("response " + answer + " to request " + id);
        }
        // The wrong order first: the backend still maps the ring, so revoking must be refused.
        endAccessWhileMapped = hp.call(Calls.endAccess(RING_REF));
        cpu.store().write(XenbusKeys.frontendDone(me), 1);
        cpu.awaitKey(XenbusKeys.backendClosed(me));
        // The right order: the backend has unmapped and closed; now end access and close.
        hp.ok(Calls.endAccess(RING_REF));
        hp.ok(Calls.close(port));
    }

    /** What {@code end_access} returned while the backend still mapped the ring. */
    public Result endAccessWhileMapped() {
        return endAccessWhileMapped;
    }
}
