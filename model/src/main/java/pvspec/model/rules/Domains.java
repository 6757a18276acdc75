package pvspec.model.rules;

import java.util.ArrayList;
import org.pcollections.IntTreePMap;
import pvspec.model.abi.Caller;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/** Domain teardown ({@code domain_kill} / {@code domain_relinquish_resources}) and its end. */
final class Domains {
    private Domains() {}

    /** The lowest unused domain id at or above 1, or -1. */
    static int lowestFreeId(State s) {
        for (int id = 1; id < s.config().domains(); id++) if (!s.domains().containsKey(id)) return id;
        return -1;
    }

    /**
     * Destroy a domain: it stops, its ports close (their peers wait for it again), its maptrack
     * entries are released (device parts drop their references; host parts' stay with the grant
     * PTEs, dropped as its page tables go: {@code gnttab_release_mappings}), its vCPUs drop their base pointers and translations, its pins and
     * allocations are dropped ({@code current}, the destroying vCPU, gets no #GP from the grant PTEs
     * its tables drop: their owner is dying, mm.c:1220-1221). Each frame is freed as its last reference goes; frames that other
     * domains still reference stay owned by the dying domain until they let go.
     */
    static State destroy(State s, int id, Caller current) {
        Domain d = s.dom(id);
        s = s.withDomain(d.withLife(Lifecycle.DYING));
        for (int p = 0; p < d.ports().size(); p++) s = EventChannelRules.closePort(s, id, p);
        s = GrantTableRules.releaseMappings(s, id, current);
        for (int v = 0; v < d.vcpus().size(); v++) {
            // vcpu_destroy_pagetables finishes a deferred put first (mm.c:3220), then drops
            // guest_table and guest_table_user (mm.c:3210-3266).
            s = OldGuestTable.put(s, id, v, current, Preemption.NEVER);
            Vcpu old = s.dom(id).vcpu(v);
            s = s.withDomain(s.dom(id).withVcpu(v, Vcpu.INITIAL.withDescriptors(old.descriptors())));
            for (long base : old.roots()) s = PageTypes.putPageAndType(s, base, current);
            s = DescriptorRules.destroyGdt(s, id, v, current); // after the page tables (domain.c:2535-2557)
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.owner() == id && f.pinned()) s = PageTypes.putPageAndType(s.withFrame(mfn, f.withPinned(false)), mfn, current);
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            // relinquish_memory tears partial tables down (domain.c:2361-2417).
            if (s.frame(mfn).owner() == id && s.frame(mfn).partial()) s = PageTypes.putPartial(s, mfn, current, Preemption.NEVER);
        }
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            Frame f = s.frame(mfn);
            if (f.owner() == id && f.allocated()) s = PageTypes.putPage(s.withFrame(mfn, f.withAllocated(false)), mfn);
        }
        return s;
    }

    /**
     * A dying domain that owns no frame any more, and whose grants no mapping names, is gone.
     * (Xen frees it with its last page, even while a mapper whose grant PTE was replaced still
     * names its grants; pvspec hands out the lowest free id, so it keeps the domain until those
     * mappings go, lest a new domain with that id inherit them: see docs/xen-conformance.md.)
     */
    static State reap(State s) {
        for (Domain d : s.domains().values()) {
            if (d.life() == Lifecycle.DYING && !Frames.ownsAny(s, d.id()) && !grantsInUse(d)) s = s.withoutDomain(d.id());
        }
        return s;
    }

    private static boolean grantsInUse(Domain d) {
        for (var g : d.grants()) if (g.inUse()) return true;
        return false;
    }
}
