package pvspec.guests.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Recording;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.kernel.Layout;
import pvspec.guests.kernel.PageTables;
import pvspec.guests.kernel.StartInfo;
import pvspec.guests.kernel.Toolstack;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;
import pvspec.model.trace.Trace;

/**
 * A seeded random workload for the property suites: dom0 creates {@code guests} domains, each
 * boots an address space and installs its trap table, then {@code steps} requests are drawn from their {@link RandomGuest}s
 * (which guest acts next is seeded too). The whole run, set-up included, is recorded.
 *
 * @param guests how many guests
 * @param pages frames per guest
 * @param spare spare pages per guest (for mappings and grants); each guest may also populate as many more frames
 * @param hostility the probability of a hostile request
 */
public record RandomWorkload(int guests, int pages, int spare, double hostility) {

    /** Two small guests, one request in five hostile: fits {@code Config.small()}. */
    public static RandomWorkload small() {
        return new RandomWorkload(2, 5, 2, 0.2);
    }

    /** Run on {@code machine} (in its boot state) and return the recorded trace. */
    public Trace run(Hypercalls machine, long seed, int steps) {
        Recording recording = new Recording(machine);
        Random random = new Random(seed);
        RandomWorld world = new RandomWorld();
        world.addDomain(DomId.DOM0);
        HypercallPage dom0 = new HypercallPage(recording, Caller.kernel(DomId.DOM0));
        List<RandomGuest> actors = new ArrayList<>();
        for (int g = 0; g < guests; g++) {
            StartInfo start = Toolstack.createDomain(dom0, pages, pages + spare, 1);
            Layout layout = Layout.of(machine.config(), start.frames(), spare);
            HypercallPage hp = new HypercallPage(recording, Caller.kernel(start.domid()));
            PageTables.build(hp, layout);
            hp.ok(Calls.setTrapTable(Kernel.trapTable(layout.vaOf(layout.dataFrames().get(0)))));
            world.addDomain(start.domid());
            actors.add(new RandomGuest(start.domid(), start.vcpus(), layout, world, random.nextLong(), hostility));
        }
        for (int i = 0; i < steps; i++) {
            RandomGuest g = actors.get(random.nextInt(actors.size()));
            Request r = g.next();
            Result result = recording.hypercall(r.caller(), r.call());
            g.observe(r, result);
        }
        return recording.trace();
    }
}
