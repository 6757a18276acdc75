package pvspec.model.trace;

import java.util.List;
import pvspec.model.abi.Access;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.EventChannelWrite;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.SetCallbacks;
import pvspec.model.abi.SetTrapTable;
import pvspec.model.abi.SoftInt;
import pvspec.model.abi.TrapInfo;
import pvspec.model.abi.UnknownHypercall;
import pvspec.model.abi.UpdateVaMapping;

/** One or more requests of every kind, with ordinary and garbage arguments. */
final class Samples {
    private Samples() {}

    static final List<Caller> CALLERS = List.of(Caller.kernel(0), Caller.kernel(3, 2), Caller.user(1, 0), new Caller(12, 7, Mode.USER));

    static final List<Hypercall> ALL = List.of(
            MmuUpdate.one(5, 2, Pte.make(6, PteFlag.P, PteFlag.RW, PteFlag.US)),
            new MmuUpdate(List.of(new MmuUpdate.Request(-1, 99, -1L), new MmuUpdate.Request(1L << 40, -5, 0x8000000000000001L)), 2),
            new MmuUpdate(List.of(), DomId.DOMID_SELF),
            MmuUpdate.one(1, 0, Pte.make(3, PteFlag.values())),
            MmuUpdate.one(1, 0, Pte.of(7, 0x808)),
            MmuextOp.of(new MmuextOp.Pin(1, 5), new MmuextOp.Pin(4, -3), new MmuextOp.Pin(7, 1), new MmuextOp.Unpin(5),
                    new MmuextOp.NewBaseptr(9), new MmuextOp.TlbFlushLocal(), new MmuextOp.InvlpgLocal(6),
                    new MmuextOp.TlbFlushAll(), new MmuextOp.InvlpgAll(-4), new MmuextOp.ClearPage(3), new MmuextOp.FlushCache(),
                    new MmuextOp.MarkSuper(1), new MmuextOp.UnmarkSuper(2), new MmuextOp.Unknown(8, 0), new MmuextOp.Unknown(-2, 77)),
            new UpdateVaMapping(6, Pte.make(5, PteFlag.P, PteFlag.RW), UpdateVaMapping.UVMF_INVLPG),
            new UpdateVaMapping(0, 0, UpdateVaMapping.UVMF_TLB_FLUSH | UpdateVaMapping.UVMF_ALL),
            new UpdateVaMapping(0, 0, UpdateVaMapping.UVMF_ALL),
            new UpdateVaMapping(1L << 50, 0x1234, 3),
            new UpdateVaMapping(-7, -1, -1),
            new SetTrapTable(List.of()),
            new SetTrapTable(List.of(new TrapInfo(14, 0, 0xe033, 1), new TrapInfo(-1, 9, -2, -3), new TrapInfo(3, 3, 0, 0))),
            new SetCallbacks(0, 0),
            new SetCallbacks(3, 1L << 33),
            new EventChannelOp.AllocUnbound(DomId.DOMID_SELF, 2),
            new EventChannelOp.AllocUnbound(-1, DomId.DOMID_SELF),
            new EventChannelOp.BindInterdomain(1, 3),
            new EventChannelOp.BindVirq(0, 1),
            new EventChannelOp.BindIpi(-1),
            new EventChannelOp.Close(3),
            new EventChannelOp.Send(Integer.MAX_VALUE),
            new EventChannelOp.Unmask(2),
            new EventChannelOp.Status(DomId.DOMID_SELF, 0),
            new EventChannelOp.BindVcpu(3, 1),
            MmuextOp.of(new MmuextOp.TlbFlushMulti(3), new MmuextOp.InvlpgMulti(1, -1), new MmuextOp.FlushCacheGlobal(), new MmuextOp.CopyPage(4, 3)),
            new EventChannelOp.Reset(DomId.DOMID_SELF, false),
            new EventChannelOp.Reset(-1, true),
            new EventChannelOp.Unknown(11),
            new EventChannelWrite.ClearEvtchn(1),
            new EventChannelWrite.MaskEvtchn(-2),
            new GrantTableOp.MapGrantRef(1, 0, GrantTableOp.GNTMAP_host_map | GrantTableOp.GNTMAP_readonly, 5),
            new GrantTableOp.MapGrantRef(-1, 99, 0, -5),
            new GrantTableOp.MapGrantRef(1, 0, 0x40, 1),
            new GrantTableOp.MapGrantRef(1, 0, -1, 1),
            new GrantTableOp.UnmapGrantRef(0, 5, 0),
            new GrantTableOp.UnmapGrantRef(1, 0x3008, 0x9000),
            new GrantTableOp.UnmapAndReplace(0, 5, 6),
            new GrantTableOp.MapGrantRef(1, 0, GrantTableOp.GNTMAP_host_map | GrantTableOp.GNTMAP_contains_pte | GrantTableOp.GNTMAP_device_map, 0x3009),
            new GrantTableOp.Unknown(4),
            new GrantTableOp.SwapGrantRef(0, 1),
            new GrantTableOp.SwapGrantRef(-1, 7),
            new GrantTableWrite.Grant(0, 2, 4, true),
            new GrantTableWrite.Grant(-1, DomId.DOMID_SELF, -9, false),
            new GrantTableWrite.EndAccess(3),
            new MemoryOp.PopulatePhysmap(DomId.DOMID_SELF, 4),
            new MemoryOp.PopulatePhysmap(2, Long.MAX_VALUE),
            new MemoryOp.DecreaseReservation(1, List.of(5L, 6L, -1L)),
            new MemoryOp.DecreaseReservation(1, List.of()),
            new MemoryOp.MaximumReservation(DomId.DOMID_SELF),
            new MemoryOp.CurrentReservation(-1),
            new MemoryOp.Unknown(6),
            new Domctl.CreateDomain(4, 1),
            new Domctl.CreateDomain(-1, 0),
            new Domctl.DestroyDomain(1),
            new Domctl.PauseDomain(2),
            new Domctl.UnpauseDomain(DomId.DOMID_SELF),
            new Domctl.MaxMem(1, 8),
            new Domctl.Unknown(99),
            new SchedOp.Yield(),
            new SchedOp.Block(),
            new SchedOp.Shutdown(),
            new SchedOp.Unknown(5),
            Access.read(9),
            Access.write(-1),
            Access.write(0xFFFFFFFFL),
            new SoftInt(128),
            new SoftInt(-1),
            new UnknownHypercall(31));
}
