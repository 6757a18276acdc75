package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/** Grant tables ({@link GrantTableRules}): the granter's writes, map and unmap. */
class GrantTableTest {
    /**
     * d2 (frames 7..10) grants frame 9 to d1, writable, as ref 0; d1 runs on its page tables and
     * has a #GP handler (an implicit unmap of a grant PTE injects a #GP, mm.c:1219-1227).
     */
    private final State noGpHandler = accepts(oneGuest(), "d2: grant ref=0 domid=1 frame=9 readonly=false", "OK");
    private final State s = accepts(noGpHandler, "d1: set_trap_table trap=13,0,0xe033,0.1", "OK");

    private State mapped() {
        return accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
    }

    @Test
    void aMapWritesAGrantEntryAndMarksTheGrantInUse() {
        State t = mapped();
        assertThat(t.dom(2).grants().get(0).flags() & (GrantEntry.GTF_reading | GrantEntry.GTF_writing))
                .isEqualTo(GrantEntry.GTF_reading | GrantEntry.GTF_writing);
        assertThat(t.frame(9).type()).isEqualTo(PageType.WRITABLE);
        assertThat(t.frame(2).typeCount()).as("the L1 is only looked up (create_grant_pv_mapping)").isEqualTo(1);
        assertThat(t.frame(2).entry(2)).isEqualTo(GrantTableRules.grantPte(9, false));
        accepts(t, "d1: access write va=0.2", "OK");
    }

    /**
     * The L1 holding a grant PTE may be devalidated: free_l1_table puts the grant PTE like any
     * entry (mm.c:put_page_from_l1e), the unmap then finds no L1 (pv/grant_table.c:
     * replace_grant_pv_mapping) and fails; the grant stays in use.
     */
    @Test
    void devalidatingTheL1DropsTheGrantReferencesAndTheUnmapFails() {
        State t = mapped();
        t = accepts(t, "d1: mmu_update ptr=1[0] val=0", "OK");
        assertThat(t.frame(2).isTable(1)).isFalse();
        assertThat(t.frame(9).typeCount()).isZero();
        refuses(t, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_general_error");
        assertThat(t.dom(2).grants().get(0).inUse()).isTrue();
    }

    /** XSA-234: a grant PTE replaced by mmu_update drops its references; the unmap's PTE check then fails. */
    @Test
    void anOrdinaryUpdateMayReplaceAGrantPteAndTheUnmapThenFails() {
        State t = mapped();
        int count = s.frame(9).count();
        t = accepts(t, "d1: mmu_update ptr=2[2] val=0", "OK");
        assertThat(t.frame(9).count()).isEqualTo(count);
        assertThat(t.frame(9).typeCount()).isZero();
        refuses(t, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_general_error");
        refuses(t, "d2: end_access ref=0", "EBUSY");
        assertThat(t.dom(1).vcpu(0).lastTrap()).as("the implicit unmap's #GP (mm.c:1222-1226)")
                .hasValueSatisfying(b -> assertThat(b.vector()).isEqualTo(TrapRules.GENERAL_PROTECTION));
    }

    /** Debug build: the implicit unmap's #GP finds no handler and the domain crashes; the references go all the same. */
    @Test
    void anImplicitUnmapWithNoGpHandlerCrashesTheDomain() {
        State t = accepts(noGpHandler, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
        int count = noGpHandler.frame(9).count();
        t = accepts(t, "d1: update_va_mapping va=0.2 val=0 flags=0", "OK");
        assertThat(t.dom(1).life()).isEqualTo(pvspec.model.state.Lifecycle.SHUTDOWN);
        assertThat(t.frame(9).count()).isEqualTo(count);
        assertThat(t.dom(2).grants().get(0).inUse()).isTrue();
    }

    /** A dying owner's grant PTEs go with its tables without a #GP (mm.c:1220-1221). */
    @Test
    void aDyingOwnerGetsNoGp() {
        State t = accepts(noGpHandler, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
        t = accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(t.domains().containsKey(0) && t.dom(0).life() == pvspec.model.state.Lifecycle.ALIVE).isTrue();
        assertThat(t.dom(0).vcpu(0).lastTrap()).isEmpty();
    }

    @Test
    void unmapRemovesTheEntryReleasesTheFrameAndClearsInUse() {
        State t = accepts(mapped(), "d1: access write va=0.2", "OK");
        t = accepts(t, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_okay");
        assertThat(t.frame(2).entry(2)).isZero();
        assertThat(t.frame(9).typeCount()).isZero();
        assertThat(t.dom(2).grants().get(0).inUse()).isFalse();
        assertThat(t.dom(1).vcpu(0).tlb()).doesNotContainKey(2L);
        accepts(t, "d1: access write va=0.2", "fault");
    }

    @Test
    void unmapNeedsALiveHandle() {
        refuses(s, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_bad_handle");
        refuses(mapped(), "d1: grant_table_op unmap_grant_ref handle=-1 host_va=0.2", "GNTST_bad_handle");
        refuses(mapped(), "d2: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_bad_handle");
    }

    @Test
    void theGranterCannotRevokeOrChangeAMappedGrant() {
        State t = mapped();
        refuses(t, "d2: end_access ref=0", "EBUSY");
        refuses(t, "d2: grant ref=0 domid=1 frame=10 readonly=false", "EBUSY");
        t = accepts(t, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_okay");
        t = accepts(t, "d2: end_access ref=0", "OK");
        assertThat(t.dom(2).grants().get(0)).isEqualTo(GrantEntry.INVALID);
    }

    @Test
    void theGranterWritesOnlyItsOwnEntries() {
        refuses(s, "d2: grant ref=4 domid=1 frame=9 readonly=false", "EINVAL");
        refuses(s, "d2: end_access ref=-1", "EINVAL");
        accepts(s, "d2: end_access ref=3", "OK");
    }

    @Test
    void aMapMustAskForAHostOrADeviceMapping() {
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=0 host_va=0.2", "GNTST_bad_gntref");
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=readonly host_va=0.2", "GNTST_bad_gntref");
        State t = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=device_map host_va=0.2", "0");
        assertThat(t.frame(2).entry(2)).as("a device map writes no PTE").isEqualTo(s.frame(2).entry(2));
        assertThat(t.frame(9).typeCount()).as("a writable device map takes the writable type").isEqualTo(1);
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|contains_pte host_va=0.2", "GNTST_general_error");
    }

    @Test
    void theGranterMustBeALiveDomain() {
        refuses(s, "d1: grant_table_op map_grant_ref dom=9 ref=0 flags=host_map host_va=0.2", "GNTST_bad_domain");
        refuses(s, "d1: grant_table_op map_grant_ref dom=self ref=0 flags=host_map host_va=0.2", "GNTST_bad_domain");
    }

    @Test
    void theReferenceMustExist() {
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=4 flags=host_map host_va=0.2", "GNTST_bad_gntref");
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=-1 flags=host_map host_va=0.2", "GNTST_bad_gntref");
    }

    @Test
    void theEntryMustGrantTheCaller() {
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.2", "GNTST_general_error");
        State t = accepts(s, "d2: grant ref=1 domid=0 frame=9 readonly=false", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.2", "GNTST_general_error");
    }

    @Test
    void aReadOnlyGrantMapsReadOnlyOnly() {
        State t = accepts(s, "d2: grant ref=1 domid=1 frame=9 readonly=true", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.2", "GNTST_general_error");
        t = accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map|readonly host_va=0.2", "0");
        assertThat(t.dom(2).grants().get(1).flags() & GrantEntry.GTF_writing).isZero();
        accepts(t, "d1: access write va=0.2", "fault");
        accepts(t, "d1: access read va=0.2", "OK");
    }

    @Test
    void theGrantedFrameMustBeTheGranters() {
        State t = accepts(s, "d2: grant ref=1 domid=1 frame=4 readonly=false", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.2", "GNTST_bad_page");
        t = accepts(s, "d2: grant ref=1 domid=1 frame=99 readonly=false", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.2", "GNTST_bad_page");
    }

    @Test
    void aPageTableCannotBeMappedWritableThroughAGrant() {
        State t = accepts(s, "d1: grant ref=0 domid=2 frame=2 readonly=false", "OK");
        t = accepts(t, "d2: memory_op populate_physmap dom=self count=0", "0");
        t = accepts(t, "d1: grant ref=1 domid=1 frame=2 readonly=false", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=1 ref=1 flags=host_map host_va=0.3", "GNTST_general_error");
        accepts(t, "d1: grant_table_op map_grant_ref dom=1 ref=1 flags=host_map|readonly host_va=0.3", "0");
    }

    @Test
    void theHostAddressMustBeAnL1SlotOfTheCaller() {
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=1.0", "GNTST_general_error");
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=2.0", "GNTST_general_error");
        refuses(s, "d1.v1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "GNTST_general_error");
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0x100", "GNTST_general_error");
    }

    /** create_grant_pv_mapping replaces whatever the slot holds, a grant PTE too, and puts it. */
    @Test
    void aMapReplacesAnOrdinaryEntryAndAnotherGrant() {
        State t = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.0", "0");
        assertThat(t.frame(3).typeCount()).as("the replaced entry let go of frame 3").isZero();
        State u = accepts(t, "d2: grant ref=1 domid=1 frame=10 readonly=false", "OK");
        u = accepts(u, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map host_va=0.0", "1");
        assertThat(u.frame(9).typeCount()).as("the first grant's PTE let go of frame 9").isZero();
        // A host address of 0 names no host part (unmap_common:1524): page 0's mapping stays.
        State v = accepts(u, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.0", "GNTST_okay");
        assertThat(v.dom(1).maptrack()).containsKeys(0, 1);
    }

    @Test
    void handlesAreFinite() {
        State t = s;
        for (int h = 0; h < 4; h++) t = accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|readonly host_va=0." + h, Integer.toString(h));
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|readonly host_va=0.0", "GNTST_no_space");
    }

    @Test
    void afterEndAccessTheGrantCannotBeMapped() {
        State t = accepts(s, "d2: end_access ref=0", "OK");
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "GNTST_general_error");
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "d1: grant_table_op cmd=5", "ENOSYS");
    }

    @Test
    void userModeCannotMapOrGrant() {
        refuses(s, "d1/user: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "EPERM");
        refuses(s, "d2/user: end_access ref=0", "EPERM");
    }
}
