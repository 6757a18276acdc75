package pvspec.properties.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.CallbackOp;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Mode;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetGdt;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateDescriptor;
import pvspec.model.abi.UpdateVaMapping;

/**
 * Requests of every kind with arbitrary argument values (extremes, negatives, small numbers
 * and random bits), ignoring the state: what a hostile or broken guest could pass. Also the
 * decoder that turns fuzzer bytes into such requests.
 */
public final class Garbage {
    private final Source in;

    /** Where the numbers come from: a seeded random stream, or a fuzzer's input. */
    public interface Source {
        int below(int n);

        long anyLong();
    }

    public Garbage(Source in) {
        this.in = in;
    }

    public static Garbage seeded(long seed) {
        Random r = new Random(seed);
        return new Garbage(new Source() {
            @Override public int below(int n) { return r.nextInt(n); }
            @Override public long anyLong() { return r.nextLong(); }
        });
    }

    private static final long[] SPECIAL = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, -1, -2, 0x7FF0, 0x7FF2, 255, 256, 511, 512,
            Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 40, 0x8000000000000007L};

    public long num() {
        switch (in.below(3)) {
            case 0: return SPECIAL[in.below(SPECIAL.length)];
            case 1: return in.below(20) - 2;
            default: return in.anyLong();
        }
    }

    public int small() {
        long v = num();
        return (int) v;
    }

    public Caller caller() {
        return new Caller(in.below(5) - 1, in.below(4) - 1, in.below(5) == 0 ? Mode.USER : Mode.KERNEL);
    }

    public Hypercall request() {
        switch (in.below(16)) {
            case 0: {
                List<MmuUpdate.Request> r = new ArrayList<>();
                for (int i = in.below(4); i > 0; i--) r.add(new MmuUpdate.Request(num(), num(), num(), in.below(8)));
                return new MmuUpdate(r, small());
            }
            case 1: {
                List<MmuextOp.Op> ops = new ArrayList<>();
                for (int i = 1 + in.below(3); i > 0; i--) ops.add(op());
                return new MmuextOp(ops, in.below(4) == 0 ? small() : pvspec.model.abi.DomId.DOMID_SELF, in.below(4));
            }
            case 2: return in.below(4) == 0 ? UpdateVaMapping.otherdomain(num(), num(), num(), small()) : new UpdateVaMapping(num(), num(), num());
            case 3: {
                List<TrapInfo> t = new ArrayList<>();
                for (int i = in.below(3); i > 0; i--) t.add(new TrapInfo(small(), small(), small(), num()));
                return new SetTrapTable(t);
            }
            case 4: return in.below(2) == 0 ? new SetCallbacks(num(), num(), num())
                    : in.below(3) == 0 ? new CallbackOp.Unregister(small()) : in.below(9) == 0 ? new CallbackOp.Unknown(small())
                    : new CallbackOp.Register(small(), small(), num());
            case 5: return eventChannel();
            case 6: return in.below(2) == 0 ? new EventChannelWrite.ClearEvtchn(small()) : new EventChannelWrite.MaskEvtchn(small());
            case 7: return in.below(3) == 0 ? (in.below(3) == 0 ? new GrantTableOp.UnmapAndReplace(small(), num(), num()) : new GrantTableOp.UnmapGrantRef(small(), num(), num()))
                    : in.below(9) == 0 ? new GrantTableOp.Unknown(small()) : in.below(8) == 0 ? (in.below(3) == 0 ? new GrantTableOp.SwapGrantRef(small(), small()) : new GrantTableOp.Transfer(num(), small(), small()))
                    : new GrantTableOp.MapGrantRef(small(), small(), small(), num());
            case 8: return in.below(2) == 0 ? new GrantTableWrite.Grant(small(), small(), num(), in.below(2) == 0)
                    : in.below(4) == 0 ? new GrantTableWrite.AcceptTransfer(small(), small()) : new GrantTableWrite.EndAccess(small());
            case 9: return in.below(2) == 0 ? new MemoryOp.PopulatePhysmap(small(), num())
                    : in.below(5) == 0 ? (in.below(2) == 0 ? new MemoryOp.MaximumReservation(small()) : new MemoryOp.CurrentReservation(small()))
                    : in.below(9) == 0 ? (in.below(2) == 0 ? new MemoryOp.Unknown(small())
                            : new MemoryOp.Exchange(small(), List.of(num(), num()), small(), num(), small(), small(), num()))
                    : new MemoryOp.DecreaseReservation(small(), List.of(num(), num()));
            case 10: return domctl();
            case 11: return in.below(4) == 0 ? new SchedOp.Block() : in.below(8) == 0 ? new SchedOp.Shutdown() : in.below(2) == 0 ? new SchedOp.Yield() : new SchedOp.Unknown(small());
            case 12: return in.below(3) == 0 ? new Access(true, num(), num(), num()) : new Access(in.below(2) == 0, num());
            case 13: return new SoftInt(small());
            case 14: return in.below(4) == 0 ? new SetGdt(List.of(num(), num()), num())
                    : in.below(3) == 0 ? new UpdateDescriptor(num(), num(), num())
                    : in.below(2) == 0 ? new UnknownHypercall(small())
                    : in.below(3) == 0 ? (in.below(2) == 0 ? new pvspec.model.abi.StackSwitch(num(), num()) : new pvspec.model.abi.SetSegmentBase(num(), num()))
                    : new pvspec.model.abi.VmAssist(num(), num());
            default: return new MmuUpdate(List.of(new MmuUpdate.Request(in.below(20), in.below(6), num())), 0x7FF0);
        }
    }

    private MmuextOp.Op op() {
        switch (in.below(14)) {
            case 0: return new MmuextOp.Pin(small(), num());
            case 1: return new MmuextOp.Unpin(num());
            case 2: return new MmuextOp.NewBaseptr(num());
            case 3: return new MmuextOp.TlbFlushLocal();
            case 4: return new MmuextOp.InvlpgLocal(num());
            case 5: return new MmuextOp.TlbFlushAll();
            case 6: return new MmuextOp.InvlpgAll(num());
            case 7: return new MmuextOp.ClearPage(num());
            case 8: return in.below(4) == 0 ? new MmuextOp.FlushCacheGlobal() : new MmuextOp.FlushCache();
            case 9: return new MmuextOp.MarkSuper(num());
            case 12: return new MmuextOp.CopyPage(num(), num());
            case 13: return in.below(2) == 0 ? new MmuextOp.TlbFlushMulti(num()) : new MmuextOp.InvlpgMulti(num(), num());
            case 10: return new MmuextOp.UnmarkSuper(num());
            default: return in.below(3) == 0 ? new MmuextOp.SetLdt(num(), num()) : new MmuextOp.Unknown(small(), num());
        }
    }

    private Hypercall eventChannel() {
        switch (in.below(11)) {
            case 0: return new EventChannelOp.AllocUnbound(small(), small());
            case 1: return new EventChannelOp.BindInterdomain(small(), small());
            case 2: return new EventChannelOp.BindVirq(small(), small());
            case 3: return new EventChannelOp.BindIpi(small());
            case 4: return new EventChannelOp.Close(small());
            case 5: return new EventChannelOp.Send(small());
            case 6: return new EventChannelOp.Unmask(small());
            case 7: return new EventChannelOp.Status(small(), small());
            case 8: return new EventChannelOp.BindVcpu(small(), small());
            case 9: return new EventChannelOp.Reset(small(), in.below(2) == 0);
            default: return new EventChannelOp.Unknown(small());
        }
    }

    private Hypercall domctl() {
        switch (in.below(6)) {
            case 0: return new Domctl.CreateDomain(num(), small());
            case 1: return new Domctl.DestroyDomain(small());
            case 2: return new Domctl.PauseDomain(small());
            case 3: return new Domctl.UnpauseDomain(small());
            case 4: return new Domctl.MaxMem(small(), num());
            default: return new Domctl.Unknown(small());
        }
    }
}
