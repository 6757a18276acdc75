package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/** mmuext_op: pinning, base pointers, TLB and page commands ({@link MmuextOpRules}). */
class MmuextOpTest {
    private final State s = oneGuest();

    @Test
    void pinningAnUntypedFrameValidatesItAndHoldsIt() {
        State t = accepts(s, "d1: mmuext_op pin_l1_table mfn=4", "OK");
        assertThat(t.frame(4).pinned()).isTrue();
        assertThat(t.frame(4).type()).isEqualTo(PageType.L1);
        assertThat(t.frame(4).typeCount()).isEqualTo(1);
        assertThat(t.frame(4).count()).isEqualTo(2);
    }

    @Test
    void pinsDoNotNest() {
        State t = accepts(s, "d1: mmuext_op pin_l1_table mfn=4", "OK");
        refuses(t, "d1: mmuext_op pin_l1_table mfn=4", "EINVAL done=0");
    }

    @Test
    void unpinningATableThatIsNotPinnedIsRefused() {
        refuses(s, "d1: mmuext_op unpin_table mfn=4", "EINVAL done=0");
        refuses(s, "d1: mmuext_op unpin_table mfn=2", "EINVAL done=0");
    }

    @Test
    void onlyTheCallersOwnFramesArePinned() {
        refuses(s, "d1: mmuext_op pin_l1_table mfn=7", "EINVAL done=0");
        refuses(s, "d1: mmuext_op pin_l1_table mfn=0", "EINVAL done=0");
        refuses(s, "d1: mmuext_op pin_l1_table mfn=99", "EINVAL done=0");
        refuses(s, "d1: mmuext_op pin_l1_table mfn=-1", "EINVAL done=0");
        refuses(s, "d1: mmuext_op unpin_table mfn=7", "EINVAL done=0");
    }

    @Test
    void pinningALevelTheMachineDoesNotHaveIsIgnored() {
        // mm.c:3565-3567: "Ignore pinning of invalid paging levels" -- break with rc = 0.
        assertThat(accepts(s, "d1: mmuext_op pin_l3_table mfn=4", "OK")).isEqualTo(s);
        assertThat(accepts(s, "d1: mmuext_op pin_l4_table mfn=4", "OK")).isEqualTo(s);
    }

    @Test
    void aFrameInUseAsSomethingElseCannotBePinned() {
        refuses(s, "d1: mmuext_op pin_l1_table mfn=3", "EINVAL done=0");
        refuses(s, "d1: mmuext_op pin_l1_table mfn=1", "EINVAL done=0");
        refuses(s, "d1: mmuext_op pin_l2_table mfn=2", "EINVAL done=0");
    }

    @Test
    void pinningFailsWhenTheContentsDoNotValidate() {
        State t = accepts(s, "d1: mmu_update ptr=4[0] val=7:P|US", "OK");
        refuses(t, "d1: mmuext_op pin_l1_table mfn=4", "EBUSY done=0");
        t = accepts(s, "d1: mmu_update ptr=4[1] val=3:P|PSE", "OK");
        refuses(t, "d1: mmuext_op pin_l1_table mfn=4", "EINVAL done=0");
    }

    @Test
    void pinningATopLevelTableValidatesTheTreeBelowIt() {
        State t = accepts(s, "d1: mmu_update ptr=5[0] val=4:P|US", "OK");
        t = accepts(t, "d1: mmuext_op pin_l2_table mfn=5", "OK");
        assertThat(t.frame(4).type()).isEqualTo(PageType.L1);
        // The read-only M2P slot is empty until the table is loaded (init_xen_l4_slots, mm.c:1662-1665)...
        assertThat(t.frame(5).entry(2)).as("the hypervisor's slot").isZero();
        // ... and NEW_BASEPTR fills it (fill_ro_mpt, mm.c:1729-1744, 3365-3366).
        t = accepts(t, "d1: mmuext_op new_baseptr mfn=5", "OK");
        assertThat(t.frame(5).entry(2)).isEqualTo(t.config().m2pEntry()).isEqualTo(t.frame(1).entry(2));
    }

    @Test
    void unpinningTheLastReferenceDevalidatesRecursively() {
        State t = accepts(s, "d1: mmu_update ptr=5[0] val=4:P|US", "OK");
        t = accepts(t, "d1: mmuext_op pin_l2_table mfn=5", "OK");
        t = accepts(t, "d1: mmuext_op unpin_table mfn=5", "OK");
        assertThat(t.frame(5).type()).isEqualTo(PageType.NONE);
        assertThat(t.frame(4).type()).isEqualTo(PageType.NONE);
        assertThat(t.frame(4).count()).isEqualTo(1);
    }

    @Test
    void unpinningKeepsATableThatIsStillInUse() {
        State t = accepts(s, "d1: mmuext_op unpin_table mfn=1", "OK");
        assertThat(t.frame(1).type()).isEqualTo(PageType.L2);
        assertThat(t.frame(1).typeCount()).isEqualTo(1);
    }

    @Test
    void aBatchKeepsTheCommandsBeforeTheRefusedOne() {
        State t = accepts(s, "d1: mmuext_op pin_l1_table mfn=4 ; pin_l1_table mfn=4 ; pin_l1_table mfn=5", "EINVAL done=1");
        assertThat(t.frame(4).pinned()).isTrue();
        assertThat(t.frame(5).pinned()).isFalse();
    }

    @Test
    void newBaseptrSwitchesTablesAndReleasesTheOldOne() {
        State t = accepts(s, "d1: mmu_update ptr=5[0] val=2:P|RW|US", "OK");
        t = accepts(t, "d1: mmuext_op new_baseptr mfn=5", "OK");
        assertThat(t.dom(1).vcpu(0).baseptr()).isEqualTo(5);
        assertThat(t.frame(5).type()).isEqualTo(PageType.L2);
        assertThat(t.frame(1).typeCount()).as("only the pin holds it now").isEqualTo(1);
        assertThat(t.frame(2).typeCount()).as("both L2s hold the L1").isEqualTo(2);
    }

    @Test
    void newBaseptrFlushesTheTlb() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        assertThat(t.dom(1).vcpu(0).tlb()).isNotEmpty();
        t = accepts(t, "d1: mmuext_op new_baseptr mfn=1", "OK");
        assertThat(t.dom(1).vcpu(0).tlb()).isEmpty();
    }

    @Test
    void newBaseptrNeedsATopLevelTable() {
        refuses(s, "d1: mmuext_op new_baseptr mfn=2", "EINVAL done=0");
        refuses(s, "d1: mmuext_op new_baseptr mfn=3", "EINVAL done=0");
        refuses(s, "d1: mmuext_op new_baseptr mfn=7", "EINVAL done=0");
    }

    @Test
    void tlbFlushLocalEmptiesOnlyTheCallersTlb() {
        State t = accepts(s, "d1.v1: mmuext_op new_baseptr mfn=1", "OK");
        t = accepts(t, "d1: access write va=0.0", "OK");
        t = accepts(t, "d1.v1: access read va=0.1", "OK");
        State u = accepts(t, "d1: mmuext_op tlb_flush_local", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isEmpty();
        assertThat(u.dom(1).vcpu(1).tlb()).isNotEmpty();
        u = accepts(t, "d1: mmuext_op tlb_flush_all", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).isEmpty();
        assertThat(u.dom(1).vcpu(1).tlb()).isEmpty();
    }

    @Test
    void invlpgDropsOneAddress() {
        State t = accepts(s, "d1.v1: mmuext_op new_baseptr mfn=1", "OK");
        t = accepts(t, "d1: access write va=0.0", "OK");
        t = accepts(t, "d1: access read va=0.1", "OK");
        t = accepts(t, "d1.v1: access read va=0.1", "OK");
        State u = accepts(t, "d1: mmuext_op invlpg_local va=0.1", "OK");
        assertThat(u.dom(1).vcpu(0).tlb()).containsOnlyKeys(0L);
        assertThat(u.dom(1).vcpu(1).tlb()).containsOnlyKeys(1L);
        u = accepts(t, "d1: mmuext_op invlpg_all va=0.1", "OK");
        assertThat(u.dom(1).vcpu(1).tlb()).isEmpty();
        accepts(t, "d1: mmuext_op invlpg_local va=0x7fffffff", "OK");
    }

    @Test
    void clearPageZeroesAFrameThatIsNotAPageTable() {
        State t = accepts(s, "d1: mmu_update ptr=4[0] val=0x55", "OK");
        t = accepts(t, "d1: mmuext_op clear_page mfn=4", "OK");
        assertThat(t.frame(4).contents().isZero()).isTrue();
        accepts(s, "d1: mmuext_op clear_page mfn=3", "OK");
    }

    @Test
    void clearPageRefusesPageTablesAndOtherDomainsFrames() {
        refuses(s, "d1: mmuext_op clear_page mfn=2", "EINVAL done=0");
        refuses(s, "d1: mmuext_op clear_page mfn=7", "EINVAL done=0");
        refuses(s, "d1: mmuext_op clear_page mfn=16", "EINVAL done=0");
    }

    @Test
    void flushingCachesNeedsIoPrivilege() {
        refuses(s, "d1: mmuext_op flush_cache", "EACCES done=0");
        accepts(s, "dom0: mmuext_op flush_cache", "OK");
    }

    @Test
    void superpagesAreNotSupported() {
        refuses(s, "d1: mmuext_op mark_super mfn=4", "EOPNOTSUPP done=0");
        refuses(s, "d1: mmuext_op unmark_super mfn=4", "EOPNOTSUPP done=0");
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "d1: mmuext_op cmd=8", "ENOSYS done=0");
        refuses(s, "d1: mmuext_op cmd=-1 arg=5", "ENOSYS done=0");
    }

    @Test
    void userModeCannotPin() {
        refuses(s, "d1/user: mmuext_op pin_l1_table mfn=4", "EPERM done=0");
    }

    @Test
    void anotherDomainsPinnedTableCannotBeUnpinned() {
        State t = accepts(s, "d2: mmuext_op pin_l1_table mfn=7", "OK");
        refuses(t, "d1: mmuext_op unpin_table mfn=7", "EINVAL done=0");
        refuses(t, "d1: mmuext_op unpin_table mfn=99", "EINVAL done=0");
        refuses(t, "d1: mmuext_op unpin_table mfn=-1", "EINVAL done=0");
    }
}
