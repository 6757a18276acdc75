package pvspec.guests.attack;

import java.util.List;

/**
 * The malicious guests, one class each (each class's comment tells the bug it reproduces and
 * why the hypervisor refuses), in the order {@code pvspec attack} prints them: page tables,
 * linear tables, memory ownership, grants, event channels, traps, privilege.
 */
public final class Catalogue {
    private Catalogue() {}

    public static final List<Attack> ALL = List.of(
            new WritablePageTableMapping(),
            new Xsa148PseSuperpage(),
            new Xsa182FastPathRw(),
            new ReservedSlotWrite(),
            new UnpinUnpinned(),
            new CopyPageIntoPageTable(),
            new PinTwice(),
            new Xsa167MarkSuper(),
            new Xsa279FlushAfterFailedUpdate(),
            new Xsa401StaleTlbAcrossRetype(),
            new Xsa286StaleTranslationAfterUpperUpdate(),
            new Xsa240LinearChain(),
            new Xsa240LinearLoop(),
            new Xsa240WritableLinear(),
            new CrossDomainLinear(),
            new ForeignFrameMapping(),
            new HypervisorFrameMapping(),
            new Xsa224UseAfterFree(),
            new DecreaseOthersReservation(),
            new ForeignReservationQuery(),
            new Xsa218ReadonlyGrantWritable(),
            new Xsa218MapAfterEndAccess(),
            new Xsa218EndAccessWhileMapped(),
            new SendOnForeignPort(),
            new BindToPortOfferedToOther(),
            new Xsa343ResetWithOpenPeer(),
            new Xsa7NonCanonicalTrapHandler(),
            new Xsa234ReplacedGrantPte(),
            new Xsa227MisalignedPteGrant(),
            new Xsa224PartialUnmapRefcount(),
            new Xsa234StealWritableGrantPte(),
            new RingZeroTrapSelector(),
            new Xsa7NonCanonicalCallback(),
            new NmiCallbackGuestRing(),
            new Xsa298CallGateToXen(),
            new WritableDescriptorPage(),
            new Xsa213UserModeHypercall(),
            new Xsa213IretInMulticall(),
            new UserRootOfAnotherDomain(),
            new UserRootNotATable(),
            new IretWithoutUserRoot(),
            new KernelTranslationInUserMode(),
            new DomctlFromDomU(),
            new Xsa113MachphysUpdate(),
            new ForeignPageTableOwner(),
            new Xsa212MemoryExchange(),
            new PtwrMapsWhatAnUpdateMayNot(),
            new PtwrIntoAGrantedL1(),
            new Xsa45PreemptedPinContinues(),
            new Xsa299WritePartialTable(),
            new Xsa310DieWithPartialTables(),
            new RingZeroKernelStack(),
            new NonCanonicalSegmentBase(),
            new Xsa214TransferPageTable(),
            new Xsa217TransferMappedFrame(),
            new TransferGrantMappedFrame(),
            new TransferOverMaxPages(),
            new Xsa290PreemptibleDeferredPut(),
            new PreemptedMmuUpdateContinues(),
            new GrantCopyIntoPageTable(),
            new GrantCopyForeignFrame(),
            new Xsa230CopyKeepsGrantInUse(),
            new GrantCopyBeyondPage(),
            new Xsa299MapGrantOfHalfDestroyedDomain(),
            new SetVersionWhileMapped(),
            new SwapMappedGrant(),
            new FrameListIntoPageTable());

    /** The attack with this name. */
    public static Attack byName(String name) {
        for (Attack a : ALL) if (a.info().name().equals(name)) return a;
        throw new IllegalArgumentException("no attack " + name);
    }
}
