package pvspec.model.state;

import org.pcollections.PMap;
import org.pcollections.PVector;

/**
 * One domain.
 *
 * @param id its domain id
 * @param privileged the control domain (dom0): may manage and map other domains
 * @param life running, shut down, or dying
 * @param pauseCount the control domain's pauses ({@code controller_pause_count}): 1 at creation,
 *     counted up by {@code pausedomain} and down by {@code unpausedomain}; it runs only at 0
 * @param maxPages the most frames it may hold
 * @param vcpus its virtual CPUs (each with its own virtual IDT and callbacks, as in Xen)
 * @param ports its event-channel ports, by port number
 * @param grants its grant table, by reference
 * @param maptrack the grant mappings it holds, by handle
 * @param vmAssist its {@code vm_assist} bits ({@code VMASST_TYPE_*}, sched.h:577): 0 at creation
 * @param relinquish how far its teardown has gone ({@code d->arch.rel_priv}): {@link Relinquish#NONE}
 *     while alive, {@link Relinquish#DONE} once a {@code destroydomain} finished
 * @param relinquishNext in a {@code relinquish_memory} pass, the first frame of the page list not
 *     yet relinquished by it (the model's page list is its frames in mfn order); 0 otherwise
 * @param grantVersion its grant table's version ({@code gt->gt_version}): 1 at creation
 *     (grant_table.c:2027), 1 or 2 after {@code GNTTABOP_set_version}. {@link #grants} is
 *     {@code nr_grant_entries} long, which depends on it ({@link Config#grantsPerFrame(int)})
 */
public record Domain(int id, boolean privileged, Lifecycle life, int pauseCount, long maxPages,
                     PVector<Vcpu> vcpus, PVector<Port> ports, PVector<GrantEntry> grants,
                     PMap<Integer, Maptrack> maptrack, long vmAssist, Relinquish relinquish, int relinquishNext,
                     int grantVersion) {

    /** A domain whose teardown has not started. */
    public Domain(int id, boolean privileged, Lifecycle life, int pauseCount, long maxPages,
                  PVector<Vcpu> vcpus, PVector<Port> ports, PVector<GrantEntry> grants,
                  PMap<Integer, Maptrack> maptrack, long vmAssist) {
        this(id, privileged, life, pauseCount, maxPages, vcpus, ports, grants, maptrack, vmAssist, Relinquish.NONE, 0, 1);
    }

    /** {@code VMASST_TYPE_writable_pagetables} (public/xen.h:538). */
    public static final int VMASST_WRITABLE_PAGETABLES = 2;
    /** {@code VMASST_TYPE_m2p_strict} (public/xen.h:568). */
    public static final int VMASST_M2P_STRICT = 32;

    /** {@code VM_ASSIST(d, t)} (sched.h:1189). */
    public boolean vmAssist(int type) {
        return (vmAssist >>> type & 1) != 0;
    }

    public Domain withVmAssist(long bits) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, grants, maptrack, bits, relinquish, relinquishNext, grantVersion);
    }

    /** Its teardown at {@code stage}, the next frame of a pass {@code next}. */
    public Domain withRelinquish(Relinquish stage, int next) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, grants, maptrack, vmAssist, stage, next, grantVersion);
    }

    public boolean alive() {
        return life != Lifecycle.DYING;
    }

    /** Whether its vCPUs may run: alive, not shut down, not paused. */
    public boolean running() {
        return life == Lifecycle.ALIVE && pauseCount == 0;
    }

    /** Whether the control domain holds it paused. */
    public boolean paused() {
        return pauseCount > 0;
    }

    public Vcpu vcpu(int v) {
        return vcpus.get(v);
    }

    public boolean hasVcpu(int v) {
        return v >= 0 && v < vcpus.size();
    }

    public Port port(int p) {
        return ports.get(p);
    }

    public boolean hasPort(int p) {
        return p >= 0 && p < ports.size();
    }

    public Domain withLife(Lifecycle l) {
        return new Domain(id, privileged, l, pauseCount, maxPages, vcpus, ports, grants, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    public Domain withPauseCount(int p) {
        return new Domain(id, privileged, life, p, maxPages, vcpus, ports, grants, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    public Domain withMaxPages(long m) {
        return new Domain(id, privileged, life, pauseCount, m, vcpus, ports, grants, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    public Domain withVcpus(PVector<Vcpu> v) {
        return new Domain(id, privileged, life, pauseCount, maxPages, v, ports, grants, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    public Domain withVcpu(int i, Vcpu v) {
        return withVcpus(vcpus.with(i, v));
    }

    public Domain withPorts(PVector<Port> p) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, p, grants, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    public Domain withPort(int i, Port p) {
        return withPorts(ports.with(i, p));
    }

    public Domain withGrant(int ref, GrantEntry g) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, grants.with(ref, g), maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    /** Its grant table with {@code g}: a grown table ({@code GNTTABOP_setup_table}) is longer. */
    public Domain withGrants(PVector<GrantEntry> g) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, g, maptrack, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    /** Its grant table as {@code GNTTABOP_set_version} leaves it: version {@code v}, entries {@code g}. */
    public Domain withGrantVersion(int v, PVector<GrantEntry> g) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, g, maptrack, vmAssist, relinquish, relinquishNext, v);
    }

    public Domain withMaptrack(PMap<Integer, Maptrack> m) {
        return new Domain(id, privileged, life, pauseCount, maxPages, vcpus, ports, grants, m, vmAssist, relinquish, relinquishNext, grantVersion);
    }

    @Override
    public int hashCode() { // stable across runs: enum hash codes are not
        int h = id * 2 + (privileged ? 1 : 0);
        h = (h * 31 + life.ordinal()) * 2 + pauseCount; // as the boolean it replaced, for counts 0 and 1
        h = h * 31 + Long.hashCode(maxPages);
        h = h * 31 + vcpus.hashCode();
        h = h * 31 + ports.hashCode();
        h = h * 31 + grants.hashCode();
        h = h * 31 + maptrack.hashCode();
        h = vmAssist == 0 ? h : h * 31 + Long.hashCode(vmAssist); // unchanged for a domain with no assist
        h = relinquish == Relinquish.NONE ? h : (h * 31 + relinquish.ordinal()) * 31 + relinquishNext; // unchanged while alive
        return grantVersion == 1 ? h : h * 31 + grantVersion; // unchanged for a v1 table
    }
}
