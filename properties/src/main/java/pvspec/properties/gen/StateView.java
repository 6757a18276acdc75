package pvspec.properties.gen;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.PageType;
import pvspec.model.state.PortState;
import pvspec.model.state.State;

/**
 * What a generator reads from the current model state to make requests that are mostly
 * meaningful: a domain's frames by use, the addresses its L1 tables map, the ports and grants
 * others offer it.
 */
final class StateView {
    final State s;
    final Config c;

    StateView(State s) {
        this.s = s;
        this.c = s.config();
    }

    /** Domains whose vCPUs may run. */
    /** Dying domains whose teardown a preemption stopped (their destroydomain is to be re-issued). */
    List<Integer> tearingDown() {
        List<Integer> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            if (d.life() == pvspec.model.state.Lifecycle.DYING && d.relinquish() != pvspec.model.state.Relinquish.DONE) out.add(d.id());
        }
        return out;
    }

    List<Integer> runningDomains() {
        List<Integer> out = new ArrayList<>();
        for (Domain d : s.domains().values()) if (d.running()) out.add(d.id());
        return out;
    }

    List<Long> frames(int dom) {
        List<Long> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) if (s.frame(mfn).owner() == dom) out.add((long) mfn);
        return out;
    }

    /** The domain's frames that are not in use as anything (type count 0). */
    List<Long> untyped(int dom) {
        List<Long> out = new ArrayList<>();
        for (long mfn : frames(dom)) if (s.frame(mfn).typeCount() == 0) out.add(mfn);
        return out;
    }

    /** The domain's validated tables of {@code level} (0: any level). */
    List<Long> tables(int dom, int level) {
        List<Long> out = new ArrayList<>();
        for (long mfn : frames(dom)) {
            Frame f = s.frame(mfn);
            if (f.isTable() && (level == 0 || f.type().level() == level)) out.add(mfn);
        }
        return out;
    }

    /** Its pinned L2..L4 tables held by nothing but the pin: unpinning one devalidates it. */
    List<Long> pinnedTables(int dom) {
        List<Long> out = new ArrayList<>();
        for (long mfn : pinned(dom)) if (s.frame(mfn).type().level() > 1 && s.frame(mfn).typeCount() == 1) out.add(mfn);
        return out;
    }

    /** How many of its frames lie below {@code mfn}. */
    int framesBelow(int dom, long mfn) {
        int n = 0;
        for (long f : frames(dom)) if (f < mfn) n++;
        return n;
    }

    List<Long> pinned(int dom) {
        List<Long> out = new ArrayList<>();
        for (long mfn : frames(dom)) if (s.frame(mfn).pinned()) out.add(mfn);
        return out;
    }

    /** Frames of other guests (not free, not the hypervisor's). */
    List<Long> foreign(int dom) {
        List<Long> out = new ArrayList<>();
        for (int mfn = 0; mfn < s.frames().size(); mfn++) {
            int owner = s.frame(mfn).owner();
            if (owner != dom && owner != DomId.DOMID_XEN && owner != DomId.DOMID_INVALID) out.add((long) mfn);
        }
        return out;
    }

    /** Virtual pages whose L1 slot exists in the vCPU's address space (mapped or not). */
    List<Long> l1Addresses(int dom, int vcpu) {
        List<Long> out = new ArrayList<>();
        Domain d = s.domains().get(dom);
        if (d == null || !d.hasVcpu(vcpu) || !d.vcpu(vcpu).hasBaseptr()) return out;
        collect(d.vcpu(vcpu).baseptr(), c.levels(), 0, out);
        return out;
    }

    /** Virtual pages the vCPU's current address space maps writable: where Xen can store into a guest buffer. */
    List<Long> writablePages(int dom, int vcpu) {
        List<Long> out = new ArrayList<>();
        for (long va : l1Addresses(dom, vcpu)) {
            var t = pvspec.model.rules.Walks.translate(s, s.dom(dom).vcpu(vcpu), va);
            if (t.isPresent() && t.get().writable()) out.add(va);
        }
        return out;
    }

    private void collect(long table, int level, long prefix, List<Long> out) {
        if (out.size() > 64) return;
        Frame t = s.frame(table);
        for (int i = 0; i < c.entries(); i++) {
            long va = prefix * c.entries() + i;
            if (level == 1) {
                if (t.isTable(1)) out.add(va);
                continue;
            }
            long e = t.entry(i);
            if (Pte.present(e) && s.validMfn(Pte.mfn(e)) && (level != c.levels() || !c.reserved(i))) collect(Pte.mfn(e), level - 1, va, out);
        }
    }

    /** Ports of other domains left unbound for {@code dom}: (owner, port) pairs. */
    List<int[]> offeredPorts(int dom) {
        List<int[]> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (int p = 0; p < d.ports().size(); p++) {
                if (d.alive() && d.port(p).state().equals(new PortState.Unbound(dom))) out.add(new int[] {d.id(), p});
            }
        }
        return out;
    }

    /** The domain's ports that are open (not free, not reserved). */
    List<Integer> openPorts(int dom) {
        List<Integer> out = new ArrayList<>();
        Domain d = s.domains().get(dom);
        if (d == null) return out;
        for (int p = 1; p < d.ports().size(); p++) if (!d.port(p).isFree()) out.add(p);
        return out;
    }

    /** Grants other domains offer {@code dom}: (granter, ref) pairs. */
    List<int[]> offeredGrants(int dom) {
        List<int[]> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (int r = 0; r < d.grants().size(); r++) {
                GrantEntry g = d.grants().get(r);
                if (d.alive() && g.permitsAccess() && g.domid() == dom) out.add(new int[] {d.id(), r});
            }
        }
        return out;
    }

    /** The references of {@code dom}'s own table that some grantee maps now (in use). */
    List<Integer> mappedGrants(int dom) {
        List<Integer> out = new ArrayList<>();
        Domain d = s.domains().get(dom);
        if (d != null) for (int r = 0; r < d.grants().size(); r++) if (d.grants().get(r).inUse()) out.add(r);
        return out;
    }

    /** Entries that accept a transfer from {@code dom}: (receiver, ref) pairs. */
    List<int[]> acceptingTransfers(int dom) {
        List<int[]> out = new ArrayList<>();
        for (Domain d : s.domains().values()) {
            for (int r = 0; r < d.grants().size(); r++) {
                GrantEntry g = d.grants().get(r);
                if (g.flags() == GrantEntry.GTF_accept_transfer && g.domid() == dom) out.add(new int[] {d.id(), r});
            }
        }
        return out;
    }

    List<Integer> handles(int dom) {
        Domain d = s.domains().get(dom);
        return d == null ? new ArrayList<>() : new ArrayList<>(d.maptrack().keySet());
    }

    /** How many vCPUs the domain has (0 if it does not exist). */
    int vcpus(int dom) {
        Domain d = s.domains().get(dom);
        return d == null ? 0 : d.vcpus().size();
    }

    boolean typed(long mfn, PageType t) {
        return s.validMfn(mfn) && s.frame(mfn).type() == t && s.frame(mfn).typeCount() > 0;
    }
}
