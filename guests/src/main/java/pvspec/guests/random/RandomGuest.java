package pvspec.guests.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.kernel.Kernel;
import pvspec.guests.kernel.Layout;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UpdateVaMapping;

/**
 * A guest that makes seeded random requests: mostly the ones a kernel makes, drawn from what it
 * knows (its frames, tables, spare pages, ports, grants, and its peers' offers), and with
 * probability {@code hostility} a {@link Hostile} one. The same seed and the same results give
 * the same requests. Use: {@link #next}, issue it, then {@link #observe} its result.
 */
public final class RandomGuest {
    private final Knowledge k;
    private final RandomWorld world;
    private final Random random;
    private final double hostility;
    private final Hostile hostile;
    private Consumer<Result> pending = r -> { };

    /**
     * @param layout the address space it booted with (built and loaded on vCPU 0)
     * @param hostility the probability of a hostile request, 0 to 1
     */
    public RandomGuest(int domid, int vcpus, Layout layout, RandomWorld world, long seed, double hostility) {
        this.k = new Knowledge(domid, vcpus, layout);
        this.world = world;
        this.random = new Random(seed);
        this.hostility = hostility;
        this.hostile = new Hostile(k, world, random);
    }

    public Knowledge knowledge() {
        return k;
    }

    /** The next request. */
    public Request next() {
        pending = r -> { };
        if (random.nextDouble() < hostility) return hostile.next();
        Caller me = Caller.kernel(k.domid, random.nextInt(k.vcpus));
        return new Request(me, valid(me));
    }

    /** Learn from the result of the request {@link #next} returned. */
    public void observe(Request request, Result result) {
        pending.accept(result);
    }

    private Hypercall valid(Caller me) {
        switch (random.nextInt(12)) {
            case 0: return access();
            case 1: return mapSpare();
            case 2: return populate();
            case 3: return pinOrUnpin();
            case 4: return giveBack();
            case 5: return eventChannel(me);
            case 6: return signal();
            case 7: return grant();
            case 8: return mapGrant();
            case 9: return traps();
            case 10: return random.nextBoolean() ? Calls.tlbFlushLocal() : Calls.newBaseptr(k.layout.top());
            default: return access();
        }
    }

    private Hypercall access() {
        long va = pick(k.knownVas());
        return random.nextBoolean() ? Calls.read(va) : Calls.write(va);
    }

    /** Point a spare page at one of its own frames (data writable, tables read-only), or clear it. */
    private Hypercall mapSpare() {
        if (k.layout.spare() == 0) return access();
        int i = random.nextInt(k.layout.spare());
        Layout.Slot slot = k.layout.spareSlot(i);
        long pte = 0;
        if (random.nextInt(4) != 0) {
            long frame = pick(k.ownFrames());
            boolean table = k.layout.isTable(frame) || k.pinned.containsKey(frame);
            pte = table ? Pte.make(frame, PteFlag.P, PteFlag.US) : Pte.make(frame, PteFlag.P, PteFlag.RW, PteFlag.US);
        }
        long value = pte;
        pending = r -> {
            if (!r.succeeded()) return;
            if (value == 0) k.spareMaps.remove(i);
            else k.spareMaps.put(i, value);
        };
        if (random.nextBoolean()) return Calls.updateVaMapping(k.layout.spareVa(i), pte, UpdateVaMapping.UVMF_INVLPG);
        return Calls.mmuUpdate(slot.table(), slot.index(), pte);
    }

    private Hypercall populate() {
        pending = r -> {
            if (r instanceof Result.Extents) k.extra.addAll(((Result.Extents) r).mfns());
        };
        return Calls.populatePhysmap(Calls.SELF, 1 + random.nextInt(2));
    }

    /** Pin an extra frame as a table of some level (it validates if empty), or unpin one. */
    private Hypercall pinOrUnpin() {
        if (!k.pinned.isEmpty() && random.nextBoolean()) {
            long frame = pick(new ArrayList<>(k.pinned.keySet()));
            pending = r -> {
                if (r.succeeded()) k.pinned.remove(frame);
            };
            return Calls.unpin(frame);
        }
        if (k.extra.isEmpty()) return access();
        long frame = pick(k.extra);
        int level = 1 + random.nextInt(k.layout.config().levels());
        pending = r -> {
            if (r.succeeded()) k.pinned.put(frame, level);
        };
        return Calls.pin(level, frame);
    }

    /** Give an extra frame back ({@code decrease_reservation}). */
    private Hypercall giveBack() {
        if (k.extra.isEmpty()) return access();
        long frame = pick(k.extra);
        pending = r -> {
            if (r.equals(Result.value(1))) {
                k.extra.remove(Long.valueOf(frame));
                k.pinned.remove(frame);
            }
        };
        return Calls.decreaseReservation(Calls.SELF, List.of(frame));
    }

    private Hypercall eventChannel(Caller me) {
        int choice = random.nextInt(5);
        if (choice == 0) return bindPort(Calls.bindVirq(Kernel.VIRQ_TIMER, me.vcpu()), "virq");
        if (choice == 1) return bindPort(Calls.bindIpi(random.nextInt(k.vcpus)), "ipi");
        if (choice == 2) {
            int peer = pick(world.domains());
            pending = r -> {
                if (r instanceof Result.Value) {
                    int port = (int) ((Result.Value) r).value();
                    k.ports.put(port, "unbound");
                    world.offer(new RandomWorld.PortOffer(k.domid, port, peer));
                }
            };
            return Calls.allocUnbound(peer);
        }
        List<RandomWorld.PortOffer> offers = world.portsFor(k.domid);
        if (choice == 3 && !offers.isEmpty()) {
            RandomWorld.PortOffer o = pick(offers);
            pending = r -> {
                if (r instanceof Result.Value) {
                    k.ports.put((int) ((Result.Value) r).value(), "interdomain");
                    world.withdraw(o);
                }
            };
            return Calls.bindInterdomain(o.owner(), o.port());
        }
        if (k.ports.isEmpty()) return bindPort(Calls.bindIpi(0), "ipi");
        int port = pick(new ArrayList<>(k.ports.keySet()));
        pending = r -> {
            if (r.succeeded()) {
                k.ports.remove(port);
                world.withdrawPort(k.domid, port);
            }
        };
        return Calls.close(port);
    }

    private Hypercall bindPort(Hypercall bind, String kind) {
        pending = r -> {
            if (r instanceof Result.Value) k.ports.put((int) ((Result.Value) r).value(), kind);
        };
        return bind;
    }

    /** Send on, acknowledge, mask or unmask one of its ports. */
    private Hypercall signal() {
        if (k.ports.isEmpty()) return bindPort(Calls.bindIpi(0), "ipi");
        int port = pick(new ArrayList<>(k.ports.keySet()));
        switch (random.nextInt(4)) {
            case 0: return Calls.clearEvtchn(port);
            case 1: return Calls.maskEvtchn(port);
            case 2: return Calls.unmask(port);
            default: return Calls.send(port);
        }
    }

    /** Offer one of its data frames to a peer, or revoke an offer. */
    private Hypercall grant() {
        int refs = k.layout.config().grants();
        if (!k.grants.isEmpty() && random.nextBoolean()) {
            int ref = pick(new ArrayList<>(k.grants.keySet()));
            pending = r -> {
                if (r.succeeded()) {
                    k.grants.remove(ref);
                    world.withdrawGrant(k.domid, ref);
                }
            };
            return Calls.endAccess(ref);
        }
        int ref = random.nextInt(refs);
        long frame = pick(k.layout.dataFrames());
        int peer = pick(world.domains());
        boolean readonly = random.nextBoolean();
        pending = r -> {
            if (r.succeeded()) {
                k.grants.put(ref, frame);
                world.withdrawGrant(k.domid, ref);
                world.offer(new RandomWorld.GrantOffer(k.domid, ref, peer, readonly));
            }
        };
        return Calls.grantAccess(ref, peer, frame, readonly);
    }

    /** Map a grant offered to it at a spare page, or unmap one of its mappings. */
    private Hypercall mapGrant() {
        if (!k.handles.isEmpty() && random.nextBoolean()) {
            int handle = pick(new ArrayList<>(k.handles.keySet()));
            pending = r -> {
                if (r.succeeded()) k.handles.remove(handle);
            };
            return Calls.unmapGrantRef(handle, k.layout.spareVa(k.handles.get(handle)));
        }
        List<RandomWorld.GrantOffer> offers = world.grantsFor(k.domid);
        if (offers.isEmpty() || k.layout.spare() == 0) return grant();
        RandomWorld.GrantOffer o = pick(offers);
        int spare = random.nextInt(k.layout.spare());
        pending = r -> {
            if (r instanceof Result.Value) k.handles.put((int) ((Result.Value) r).value(), spare);
        };
        return Calls.mapGrantRef(o.granter(), o.ref(), o.readonly() || random.nextBoolean(), k.layout.spareVa(spare));
    }

    /** Reinstall its trap table or callbacks at its own addresses. */
    private Hypercall traps() {
        long text = k.layout.vaOf(pick(k.layout.dataFrames()));
        if (random.nextBoolean()) return Calls.setCallbacks(text, text);
        List<TrapInfo> traps = new ArrayList<>();
        for (int v = 0; v < Kernel.EXCEPTIONS; v++) if (random.nextInt(4) == 0) traps.add(new TrapInfo(v, 0, Kernel.FLAT_KERNEL_CS64, text));
        traps.add(new TrapInfo(Kernel.SYSCALL_VECTOR, 3, Kernel.FLAT_KERNEL_CS64, text));
        return Calls.setTrapTable(traps);
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** For tests: the spare pages' current entries as the guest believes them. */
    Map<Integer, Long> spareMaps() {
        return Map.copyOf(k.spareMaps);
    }
}
