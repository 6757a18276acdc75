package pvspec.model.state;

import java.util.Optional;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;
import pvspec.model.abi.DomId;

/**
 * The whole machine as the hypervisor sees it: the frame table and the domains.
 *
 * <p>Immutable, with value equality; every change makes a new state that shares what did not
 * change (persistent collections), so a step costs O(log n) and the model checker can keep
 * millions of states.
 *
 * @param config the machine's dimensions
 * @param frames every frame, by machine frame number
 * @param domains the domains that exist (alive, shut down or dying), by id
 */
public record State(Config config, PVector<Frame> frames, PMap<Integer, Domain> domains) {

    /**
     * The machine at boot: the hypervisor owns the lowest frames, the rest are free, and dom0
     * (privileged, with {@code config.vcpus()} vCPUs) holds nothing yet.
     */
    public static State initial(Config config) {
        PVector<Frame> frames = TreePVector.empty();
        Frame xen = Frame.xen(config.entries());
        Frame free = Frame.free(config.entries());
        for (int mfn = 0; mfn < config.frames(); mfn++) frames = frames.plus(mfn < config.xenFrames() ? xen : free);
        Frame m2p = frames.get((int) config.m2pFrame());
        for (int i = 0; i < config.entries(); i++) m2p = m2p.withEntry(i, config.m2pEntry());
        frames = frames.with((int) config.m2pFrame(), m2p);
        Domain dom0 = newDomain(config, DomId.DOM0, true, config.frames(), config.vcpus());
        return new State(config, frames, IntTreePMap.<Domain>empty().plus(DomId.DOM0, dom0));
    }

    /**
     * A domain as {@code createdomain} makes it: paused once by the control domain
     * ({@code domain.c:domain_create} sets {@code controller_pause_count = 1}; the toolstack
     * unpauses it when built), nothing bound, nothing granted. Dom0 is built running.
     */
    public static Domain newDomain(Config config, int id, boolean privileged, long maxPages, int vcpus) {
        PVector<Vcpu> vs = TreePVector.empty();
        for (int i = 0; i < vcpus; i++) vs = vs.plus(Vcpu.INITIAL);
        PVector<Port> ports = TreePVector.<Port>empty().plus(new Port(PortState.RESERVED, false, false, 0));
        for (int i = 1; i < config.ports(); i++) ports = ports.plus(Port.FREE);
        PVector<GrantEntry> grants = TreePVector.empty();
        // INITIAL_NR_GRANT_FRAMES: one frame of references (grant_table.c:2066-2067, 1926-1927).
        for (int i = 0; i < config.grantsPerFrame(); i++) grants = grants.plus(GrantEntry.INVALID);
        return new Domain(id, privileged, Lifecycle.ALIVE, privileged ? 0 : 1, maxPages, vs,
                ports, grants, IntTreePMap.empty(), 0);
    }

    /** Whether {@code mfn} names a frame of this machine. */
    public boolean validMfn(long mfn) {
        return mfn >= 0 && mfn < frames.size();
    }

    public Frame frame(long mfn) {
        return frames.get((int) mfn);
    }

    public State withFrame(long mfn, Frame f) {
        return new State(config, frames.with((int) mfn, f), domains);
    }

    public Optional<Domain> domain(int id) {
        return Optional.ofNullable(domains.get(id));
    }

    /** The domain with this id, which the caller knows exists. */
    public Domain dom(int id) {
        Domain d = domains.get(id);
        if (d == null) throw new IllegalStateException("no domain " + id);
        return d;
    }

    /** Whether a domain with this id exists and is not dying. */
    public boolean isAlive(int id) {
        Domain d = domains.get(id);
        return d != null && d.alive();
    }

    public State withDomain(Domain d) {
        return new State(config, frames, domains.plus(d.id(), d));
    }

    public State withoutDomain(int id) {
        return new State(config, frames, domains.minus(id));
    }

    @Override
    public int hashCode() { // records' default would do, but a state is hashed often: keep it explicit
        return (config.hashCode() * 31 + frames.hashCode()) * 31 + domains.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof State)) return false;
        State s = (State) o;
        return config.equals(s.config) && frames.equals(s.frames) && domains.equals(s.domains);
    }
}
