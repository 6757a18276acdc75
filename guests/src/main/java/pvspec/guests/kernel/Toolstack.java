package pvspec.guests.kernel;

import java.util.List;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.GuestFailure;
import pvspec.guests.hypercall.HypercallPage;

/**
 * What dom0's toolstack ({@code xl create} / {@code libxl}) does through the ABI: create a
 * domain, give it its memory with {@code populate_physmap}, and destroy it at the end.
 */
public final class Toolstack {
    private Toolstack() {}

    /** Create a domain of {@code pages} frames and {@code vcpus} vCPUs and give it all its frames. */
    public static StartInfo createDomain(HypercallPage dom0, int pages, int vcpus) {
        return createDomain(dom0, pages, pages, vcpus);
    }

    /** As above, with room to grow: it may later populate up to {@code maxPages} frames in all. */
    public static StartInfo createDomain(HypercallPage dom0, int pages, int maxPages, int vcpus) {
        int domid = (int) dom0.value(Calls.createDomain(maxPages, vcpus));
        StartInfo start = new StartInfo(domid, vcpus, populate(dom0, domid, pages));
        unpause(dom0, domid);
        return start;
    }

    /** A new domain is created paused once (domain.c:domain_create); the toolstack unpauses it when built. */
    public static void unpause(HypercallPage dom0, int domid) {
        dom0.ok(Calls.unpauseDomain(domid));
    }

    /** Give dom0 itself {@code pages} frames (dom0 starts with none in this ABI). */
    public static StartInfo populateSelf(HypercallPage dom0, int pages, int vcpus) {
        return new StartInfo(dom0.domid(), vcpus, populate(dom0, Calls.SELF, pages));
    }

    public static void destroyDomain(HypercallPage dom0, int domid) {
        dom0.ok(Calls.destroyDomain(domid));
    }

    private static List<Long> populate(HypercallPage dom0, int dom, int pages) {
        List<Long> frames = dom0.extents(Calls.populatePhysmap(dom, pages));
        if (frames.size() != pages) throw new GuestFailure("populate_physmap gave " + frames.size() + " of " + pages + " frames");
        return frames;
    }
}
