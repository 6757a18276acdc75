package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Pte;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Step;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Generator;
import pvspec.properties.run.Settings;
import pvspec.properties.run.Worlds;

/**
 * Property 6: destroying a domain removes every port and grant mapping touching it, and returns
 * every frame it owned to the free pool once nothing else references it.
 */
class DestroyReturnsEverything {
    private static final Caller DOM0 = Caller.kernel(0);

    @Test
    void afterRandomActivityDestroyingEveryGuestReturnsAllTheirFrames() {
        Settings settings = Settings.fromSystemProperties(40, 250);
        int lingered = 0;
        for (int i = 0; i < settings.tries(); i++) {
            long seed = settings.firstSeed() + i;
            State s = pvspec.model.testing.Fixture.state(Worlds.TWO_GUESTS);
            Generator g = new Generator(seed, settings.hostility());
            for (int k = 0; k < settings.steps(); k++) {
                TraceStep t = g.next(s);
                s = Step.step(s, t.caller(), t.call()).state();
            }
            // dom0 shut itself down, or its vCPU blocked itself: nobody can destroy anything.
            if (!s.isAlive(0) || !s.dom(0).running() || s.dom(0).vcpu(0).blocked()) continue;
            s = dom0MapsGuestFrames(s);
            for (Domain d : s.domains().values()) {
                if (d.id() != 0) s = Step.step(s, DOM0, new Domctl.DestroyDomain(d.id())).state();
            }
            assertThat(Invariants.check(s)).as("seed %d", seed).isEmpty();
            for (Domain d : s.domains().values()) {
                if (d.id() == 0) continue;
                assertThat(d.life()).isEqualTo(Lifecycle.DYING);
                for (pvspec.model.state.Port p : d.ports()) assertThat(p.state()).isEqualTo(PortState.FREE);
                lingered++;
            }
            for (pvspec.model.state.Port p : s.dom(0).ports()) {
                // A loopback channel of dom0 to itself may stay; none to a dead domain.
                boolean toOther = p.state() instanceof PortState.Interdomain && ((PortState.Interdomain) p.state()).remoteDom() != 0;
                assertThat(toOther).as("seed %d: no link to a dead domain", seed).isFalse();
            }
            s = releaseEverythingOfDom0(s);
            for (int mfn = 0; mfn < s.frames().size(); mfn++) {
                Frame f = s.frame(mfn);
                assertThat(f.isFree() || f.owner() == DomId.DOMID_XEN || f.owner() == 0).as("seed %d frame %d owner %d", seed, mfn, f.owner()).isTrue();
            }
            assertThat(s.domains().keySet()).as("seed %d", seed).containsExactly(0);
        }
        System.out.println("destroy: guests that lingered until dom0 let go: " + lingered);
    }

    /** dom0 takes an L1 of its own and maps a few guest frames read-only through it (foreigndom), so they outlive their owner. */
    private static State dom0MapsGuestFrames(State s) {
        State t = Step.step(s, DOM0, new pvspec.model.abi.MemoryOp.PopulatePhysmap(DomId.DOMID_SELF, 1)).state();
        long l1 = -1;
        for (int mfn = 0; mfn < t.frames().size(); mfn++) if (t.frame(mfn).owner() == 0 && t.frame(mfn).typeCount() == 0) l1 = mfn;
        if (l1 < 0) return s;
        t = Step.step(t, DOM0, MmuextOp.of(new MmuextOp.Pin(1, l1))).state();
        int slot = 0;
        for (int mfn = 0; mfn < t.frames().size() && slot < t.config().entries(); mfn++) {
            int owner = t.frame(mfn).owner();
            if (owner == 0 || owner == DomId.DOMID_XEN || owner == DomId.DOMID_INVALID || mfn % 2 == 0) continue;
            t = Step.step(t, DOM0, new MmuUpdate(java.util.List.of(new MmuUpdate.Request(l1, slot++, Pte.make(mfn, pvspec.model.abi.PteFlag.P, pvspec.model.abi.PteFlag.US))), owner)).state();
        }
        return t;
    }

    /**
     * Undo both parts of one of dom0's mappings: Xen records no host address, so try every
     * virtual page and every entry of dom0's L1 tables until the mapping is gone.
     */
    private static State unmapEverywhere(State s, int handle, long frame) {
        s = Step.step(s, DOM0, new GrantTableOp.UnmapGrantRef(handle, 0, frame << 12)).state();
        for (long va = 1; va < s.config().vaPages() && s.dom(0).maptrack().containsKey(handle); va++) {
            s = Step.step(s, DOM0, new GrantTableOp.UnmapGrantRef(handle, va, 0)).state();
        }
        for (int mfn = 0; mfn < s.frames().size() && s.dom(0).maptrack().containsKey(handle); mfn++) {
            if (s.frame(mfn).owner() != 0 || !s.frame(mfn).isTable(1)) continue;
            for (int i = 0; i < s.config().entries(); i++) s = Step.step(s, DOM0, new GrantTableOp.UnmapGrantRef(handle, (long) mfn << 12 | i << 3, 0)).state();
        }
        return s;
    }

    /** dom0 unmaps its grant mappings, clears its L1 entries and unpins everything. */
    private static State releaseEverythingOfDom0(State s) {
        for (Maptrack m : s.dom(0).maptrack().values()) s = unmapEverywhere(s, handleOf(s, m), m.frame());
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.owner() != 0 || !f.isTable(1)) continue;
            for (int i = 0; i < f.contents().size(); i++) {
                if (Pte.present(f.entry(i))) s = Step.step(s, DOM0, MmuUpdate.one(mfn, i, 0)).state();
            }
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            if (s.frame(mfn).owner() == 0 && s.frame(mfn).pinned()) s = Step.step(s, DOM0, MmuextOp.of(new MmuextOp.Unpin(mfn))).state();
        }
        return s;
    }

    private static int handleOf(State s, Maptrack m) {
        for (var e : s.dom(0).maptrack().entrySet()) if (e.getValue().equals(m)) return e.getKey();
        throw new IllegalStateException();
    }
}
