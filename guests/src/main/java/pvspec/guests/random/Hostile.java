package pvspec.guests.random;

import java.util.List;
import java.util.Random;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UpdateVaMapping;
import pvspec.model.state.Config;

/**
 * The hostile requests of a random guest: the attack catalogue's moves with random arguments —
 * entries with random frames and flags (RW on tables, PSE, the grant marker), any frame's pin or
 * unpin, other domains' frames and ports, the hypervisor's slots, bad trap addresses, domctl, and
 * hypercalls from user mode. Half of the numbers come from what the guest knows, so that many of
 * these requests are near misses rather than noise.
 */
final class Hostile {
    private final Knowledge k;
    private final RandomWorld world;
    private final Random random;
    private final Config c;

    Hostile(Knowledge k, RandomWorld world, Random random) {
        this.k = k;
        this.world = world;
        this.random = random;
        this.c = k.layout.config();
    }

    Request next() {
        boolean user = random.nextInt(6) == 0;
        Caller me = new Caller(k.domid, random.nextInt(k.vcpus), user ? pvspec.model.abi.Mode.USER : pvspec.model.abi.Mode.KERNEL);
        return new Request(me, call());
    }

    private Hypercall call() {
        switch (random.nextInt(11)) {
            case 0: return new MmuUpdate(List.of(new MmuUpdate.Request(frame(), random.nextInt(c.entries()), pte())),
                    random.nextInt(8) == 0 ? domain() : DomId.DOMID_SELF);
            case 1: return MmuextOp.of(new MmuextOp.Pin(random.nextInt(c.levels() + 2), frame()));
            case 2: return MmuextOp.of(random.nextBoolean() ? new MmuextOp.Unpin(frame()) : new MmuextOp.NewBaseptr(frame()));
            case 3: return new UpdateVaMapping(va(), pte(), random.nextInt(8));
            case 4: return random.nextBoolean() ? Calls.read(va()) : Calls.write(va());
            case 5: return new SoftInt(random.nextBoolean() ? Kernel.SYSCALL_VECTOR : random.nextInt(40));
            case 6: return trapTable();
            case 7: return eventChannel();
            case 8: return grant();
            case 9: return random.nextBoolean() ? Calls.decreaseReservation(domain(), List.of(frame()))
                    : Calls.populatePhysmap(domain(), random.nextInt(3));
            default: return domctl();
        }
    }

    /** One of its own frames, another domain's, or the hypervisor's. */
    private long frame() {
        if (random.nextBoolean()) {
            List<Long> own = k.ownFrames();
            return own.get(random.nextInt(own.size()));
        }
        return random.nextInt(c.frames() + 1);
    }

    private long pte() {
        if (random.nextInt(5) == 0) return 0;
        long flags = PteFlag.P.mask();
        for (PteFlag f : PteFlag.values()) if (random.nextInt(3) == 0) flags |= f.mask();
        return (frame() << 12) | flags;
    }

    private long va() {
        int r = random.nextInt(4);
        if (r == 0) return random.nextLong() >>> random.nextInt(64);
        List<Long> known = k.knownVas();
        return r == 1 ? random.nextInt((int) Math.min(c.vaPages(), Integer.MAX_VALUE)) : known.get(random.nextInt(known.size()));
    }

    private int domain() {
        int r = random.nextInt(5);
        if (r == 0) return DomId.DOMID_XEN;
        if (r == 1) return DomId.DOMID_SELF;
        List<Integer> doms = world.domains();
        return r == 2 ? DomId.DOM0 : doms.get(random.nextInt(doms.size()));
    }

    private int port() {
        return random.nextInt(c.ports() + 1) - (random.nextInt(10) == 0 ? 1 : 0);
    }

    private Hypercall trapTable() {
        long address = random.nextBoolean() ? va() : (long) c.reservedFirst() * (c.vaPages() / c.entries());
        TrapInfo t = new TrapInfo(random.nextInt(300), random.nextInt(5), random.nextInt(0x10000), address);
        return random.nextBoolean() ? Calls.setTrapTable(List.of(t)) : Calls.setCallbacks(address, va());
    }

    private Hypercall eventChannel() {
        switch (random.nextInt(5)) {
            case 0: return Calls.send(port());
            case 1: return Calls.bindInterdomain(domain(), port());
            case 2: return new EventChannelOp.AllocUnbound(domain(), domain());
            case 3: return Calls.bindVirq(random.nextInt(30), random.nextInt(k.vcpus + 1));
            default: return Calls.close(port());
        }
    }

    private Hypercall grant() {
        switch (random.nextInt(4)) {
            case 0: return new GrantTableOp.MapGrantRef(domain(), random.nextInt(c.grants() + 1), random.nextInt(32), va());
            case 1: return new GrantTableOp.UnmapGrantRef(random.nextInt(c.grants() + 1), va(), random.nextBoolean() ? 0 : frame() << 12);
            case 2: return Calls.endAccess(random.nextInt(c.grants() + 1));
            default: return Calls.grantAccess(random.nextInt(c.grants() + 1), domain(), frame(), random.nextBoolean());
        }
    }

    private Hypercall domctl() {
        switch (random.nextInt(4)) {
            case 0: return Calls.createDomain(random.nextInt(4), 1);
            case 1: return Calls.destroyDomain(domain());
            case 2: return new Domctl.PauseDomain(domain());
            default: return new Domctl.MaxMem(k.domid, c.frames());
        }
    }
}
