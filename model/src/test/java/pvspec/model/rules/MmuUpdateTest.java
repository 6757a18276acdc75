package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.run;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/** mmu_update: each rule of {@link MmuUpdateRules}, {@link EntryUpdates} and the entry checks of {@link PageTypes}. */
class MmuUpdateTest {
    private final State s = oneGuest();

    @Test
    void aFrameThatIsNotAPageTableIsWrittenAsPlainMemory() {
        State t = accepts(s, "d1: mmu_update ptr=4[0] val=0x1234", "OK");
        assertThat(t.frame(4).entry(0)).isEqualTo(0x1234);
        assertThat(t.frame(4).type()).isEqualTo(PageType.NONE);
    }

    @Test
    void anL1EntryMappingAnOwnFrameWritableGivesItTheWritableType() {
        State t = accepts(s, "d1: mmu_update ptr=2[2] val=4:P|RW|US", "OK");
        assertThat(t.frame(4).type()).isEqualTo(PageType.WRITABLE);
        assertThat(t.frame(4).typeCount()).isEqualTo(1);
        assertThat(t.frame(4).count()).isEqualTo(2);
    }

    @Test
    void aReadOnlyL1EntryTakesOnlyAGeneralReference() {
        State t = accepts(s, "d1: mmu_update ptr=2[2] val=4:P|US", "OK");
        assertThat(t.frame(4).typeCount()).isZero();
        assertThat(t.frame(4).count()).isEqualTo(2);
    }

    @Test
    void aWritableMappingOfAPageTableIsRefused() {
        refuses(s, "d1: mmu_update ptr=2[2] val=1:P|RW|US", "EBUSY done=0");
        refuses(s, "d1: mmu_update ptr=2[2] val=2:P|RW|US", "EBUSY done=0");
    }

    @Test
    void aMappingOfAnotherDomainsFrameIsRefused() {
        refuses(s, "d1: mmu_update ptr=2[2] val=7:P|US", "EBUSY done=0");
    }

    @Test
    void aMappingOfAHypervisorFrameIsRefused() {
        refuses(s, "d1: mmu_update ptr=2[2] val=0:P|US", "EBUSY done=0");
    }

    @Test
    void aMappingOfAFreeFrameIsRefused() {
        refuses(s, "d1: mmu_update ptr=2[2] val=12:P|US", "EBUSY done=0");
    }

    @Test
    void aFrameBeyondRamNeedsIoPrivilege() {
        refuses(s, "d1: mmu_update ptr=2[2] val=100:P|US", "EPERM done=0");
    }

    @Test
    void anL1EntryMaySetOnlyAllowedFlags() {
        refuses(s, "d1: mmu_update ptr=2[2] val=4:P|PSE", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=2[2] val=4:P|GNTTAB", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=2[2] val=4:P|0x8", "EINVAL done=0");
        accepts(s, "d1: mmu_update ptr=2[2] val=4:P|US|A|D|G|AVAIL|NX", "OK");
    }

    @Test
    void aNotPresentValueIsWrittenAsItIs() {
        State t = accepts(s, "d1: mmu_update ptr=2[2] val=0x7000", "OK");
        assertThat(t.frame(2).entry(2)).isEqualTo(0x7000);
    }

    @Test
    void onlyTheCallersTablesCanBeWritten() {
        refuses(s, "d1: mmu_update ptr=7[0] val=0x1", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=0[0] val=0x1", "EINVAL done=0");
    }

    @Test
    void theEntryPointerMustNameAFrameAndASlot() {
        refuses(s, "d1: mmu_update ptr=99[0] val=0", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=-1[0] val=0", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=2[4] val=0", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=2[-1] val=0", "EINVAL done=0");
    }

    @Test
    void theFastPathChangesWhitelistedBitsWithoutNewReferences() {
        State t = accepts(s, "d1: mmu_update ptr=2[0] val=3:P|RW|US|A|D|AVAIL", "OK");
        assertThat(t.frame(3).count()).isEqualTo(s.frame(3).count());
        assertThat(t.frame(3).typeCount()).isEqualTo(s.frame(3).typeCount());
    }

    @Test
    void turningRwOnIsNeverAFastPathUpdate() {
        // 2[1] maps the L1 itself read-only; adding RW must be revalidated, and fails (XSA-182).
        refuses(s, "d1: mmu_update ptr=2[1] val=2:P|RW|US", "EBUSY done=0");
    }

    @Test
    void droppingRwReleasesTheWritableType() {
        State t = accepts(s, "d1: mmu_update ptr=2[0] val=3:P|US", "OK");
        assertThat(t.frame(3).type()).isEqualTo(PageType.NONE);
        assertThat(t.frame(3).count()).isEqualTo(2);
    }

    @Test
    void removingAnEntryDropsItsReferences() {
        State t = accepts(s, "d1: mmu_update ptr=2[0] val=0", "OK");
        assertThat(t.frame(3).typeCount()).isZero();
        assertThat(t.frame(3).count()).isEqualTo(1);
    }

    @Test
    void aBatchStopsAtTheFirstRefusalAndKeepsWhatWasDoneBefore() {
        State t = accepts(s, "d1: mmu_update ptr=2[2] val=4:P|US ptr=2[3] val=1:P|RW|US ptr=4[0] val=5", "EBUSY done=1");
        // Stored as adjust_guest_l1e makes it (pv/mm.h:125-126): a user mapping gets G.
        assertThat(t.frame(2).entry(2)).isEqualTo(Pte.make(4, PteFlag.P, PteFlag.US, PteFlag.G));
        assertThat(t.frame(2).entry(3)).isZero();
        assertThat(t.frame(4).entry(0)).isZero();
    }

    @Test
    void anEmptyBatchSucceeds() {
        accepts(s, "d1: mmu_update", "OK");
    }

    @Test
    void anL2EntryTypesItsTargetAsAnL1() {
        State t = accepts(s, "d1: mmu_update ptr=1[1] val=4:P|RW|US", "OK");
        assertThat(t.frame(4).type()).isEqualTo(PageType.L1);
        assertThat(t.frame(4).typeCount()).isEqualTo(1);
    }

    @Test
    void anL2EntryRefusesSuperpagesAndGlobal() {
        refuses(s, "d1: mmu_update ptr=1[1] val=4:P|RW|US|PSE", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=1[1] val=4:P|G", "EINVAL done=0");
    }

    @Test
    void anL2EntryRefusesAnotherDomainsFrame() {
        refuses(s, "d1: mmu_update ptr=1[1] val=7:P|US", "EINVAL done=0");
    }

    @Test
    void anL2EntryRefusesAFrameMappedWritable() {
        refuses(s, "d1: mmu_update ptr=1[1] val=3:P|US", "EINVAL done=0");
    }

    @Test
    void anL2EntryPropagatesTheErrorOfTheTableItValidates() {
        State t = accepts(s, "d1: mmu_update ptr=4[0] val=7:P|US", "OK");
        refuses(t, "d1: mmu_update ptr=1[1] val=4:P|US", "EBUSY done=0");
    }

    @Test
    void theHypervisorsTopLevelSlotIsNotTheGuests() {
        refuses(s, "d1: mmu_update ptr=1[2] val=0", "EINVAL done=0");
        refuses(s, "d1: mmu_update ptr=1[2] val=4:P|US", "EINVAL done=0");
    }

    @Test
    void foreigndomMayNotNameTheCallerItself() {
        refuses(s, "d1: mmu_update foreigndom=1 ptr=2[2] val=4:P|US", "ESRCH done=0");
    }

    @Test
    void foreigndomMustNameALiveDomain() {
        refuses(s, "dom0: mmu_update foreigndom=9 ptr=2[2] val=4:P|US", "ESRCH done=0");
    }

    @Test
    void onlyTheControlDomainMapsAnotherDomainsFrames() {
        refuses(s, "d1: mmu_update foreigndom=2 ptr=2[2] val=7:P|US", "EPERM done=0");
    }

    @Test
    void theControlDomainMapsForeignFramesThroughItsOwnL1() {
        State t = accepts(s, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        t = accepts(t, "dom0: mmuext_op pin_l1_table mfn=11", "OK");
        t = accepts(t, "dom0: mmu_update foreigndom=1 ptr=11[0] val=4:P|RW|US", "OK");
        assertThat(t.frame(4).owner()).isEqualTo(1);
        assertThat(t.frame(4).type()).isEqualTo(PageType.WRITABLE);
        // The frame now has the writable type, so its owner cannot make it a page table.
        refuses(t, "d1: mmuext_op pin_l1_table mfn=4", "EINVAL done=0");
    }

    @Test
    void foreigndomCannotWriteUpperLevelEntries() {
        State t = accepts(s, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        t = accepts(t, "dom0: mmuext_op pin_l2_table mfn=11", "OK");
        refuses(t, "dom0: mmu_update foreigndom=1 ptr=11[0] val=0", "EINVAL done=0");
    }

    /** mod_l1_entry replaces a grant PTE like any entry; put_page_from_l1e drops its references (XSA-234's premise). */
    @Test
    void aGrantEntryMayBeReplacedLikeAnyOther() {
        State t = accepts(s, "d1: grant ref=0 domid=1 frame=4 readonly=false", "OK");
        t = accepts(t, "d1: grant_table_op map_grant_ref dom=1 ref=0 flags=host_map host_va=0.2", "0");
        State u = accepts(t, "d1: mmu_update ptr=2[2] val=0", "OK");
        assertThat(u.frame(4).typeCount()).isZero();
        accepts(t, "d1: mmu_update ptr=2[2] val=5:P|US", "OK");
    }

    @Test
    void userModeCannotUpdate() {
        refuses(s, "d1/user: mmu_update ptr=4[0] val=1", "EPERM done=0");
    }

    @Test
    void aLinearEntryToAnotherDomainsTableIsRefused() {
        State t = accepts(s, "d2: mmuext_op pin_l2_table mfn=7", "OK");
        refuses(t, "d1: mmu_update ptr=1[1] val=7:P|US", "EINVAL done=0");
    }

    @Test
    void aPinnedL2WithASuperpageEntryDoesNotValidate() {
        State t = accepts(s, "d1: mmu_update ptr=5[1] val=4:P|US|PSE", "OK");
        refuses(t, "d1: mmuext_op pin_l2_table mfn=5", "EINVAL done=0");
    }

    @Test
    void theFastPathNeverSetsABitTheLevelDisallows() {
        // G is in the fast-path whitelist but not allowed above L1.
        refuses(s, "d1: mmu_update ptr=1[0] val=2:P|RW|US|G", "EINVAL done=0");
        accepts(s, "d1: mmu_update ptr=2[0] val=3:P|RW|US|G", "OK");
    }

    @Test
    void aFailedLinearEntryIsRefusedByTheTypingNotByALinearRule() {
        // get_page_from_l2e (mm.c:1133-1135): the linear rules (667-734) only rescue the typing's
        // EINVAL and return no error of their own. Writable self-map: the typing refuses an L2 as L1.
        assertThat(run(s, "d1: mmu_update ptr=1[1] val=1:P|RW|US").check()).contains(Check.UPPER_BAD_TYPE);
        // A validated L2 of another domain: get_page_from_mfn refuses it (the linear owner rule too).
        State t = accepts(s, "d2: mmuext_op pin_l2_table mfn=7", "OK");
        assertThat(run(t, "d1: mmu_update ptr=1[1] val=7:P|US").check()).contains(Check.UPPER_NOT_OWNED);
        // Read-only, own and validated at this level: a linear entry.
        accepts(s, "d1: mmu_update ptr=1[1] val=1:P|US", "OK");
    }

    @Test
    void domidIoNamesNoRamAndNeedsNoPrivilege() {
        // get_pg_owner (common/page_alloc.c:2942-2944) -> dom_io, xsm_mmu_update skips it (xsm/dummy.h:681).
        accepts(s, "d1: mmu_update foreigndom=32753", "OK");
        accepts(s, "d1: mmu_update foreigndom=32753 ptr=2[2] val=0", "OK");
        // RAM is never dom_io's: xsm_priv_mapping(dom_io, d1) fails -> could_not_pin (mm.c:968-984, 1030-1037).
        refuses(s, "d1: mmu_update foreigndom=32753 ptr=2[2] val=4:P|US", "EBUSY done=0");
        // Not RAM: DOMID_IO reverts to the caller for iomem_access_permitted (mm.c:877-893).
        refuses(s, "d1: mmu_update foreigndom=32753 ptr=2[2] val=99:P|US", "EPERM done=0");
    }
}
