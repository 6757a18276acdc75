package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.refuses;
import static pvspec.model.testing.Fixture.state;

import org.junit.jupiter.api.Test;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/**
 * {@code GNTTABOP_setup_table} and {@code GNTTABOP_query_size} ({@link GrantTableSize}), expected
 * results from grant_table.c at c447b7308b13: tables of at most two frames of two references.
 */
class GrantTableSizeTest {
    private final State s = state(Fixture.ONE_GUEST.replace("grants=4\n", "grants=4 grant_frames=2\n"));

    @Test
    void aDomainStartsWithOneFrameAndItsReferencesOnly() {
        accepts(s, "d1: grant_table_op query_size dom=self", "GNTST_okay(nr_frames=1,max_nr_frames=2)"); // :2200-2202, INITIAL_NR_GRANT_FRAMES
        assertThat(s.dom(2).grants()).hasSize(2);
        refuses(s, "d2: grant ref=2 domid=1 frame=9 readonly=false", "EINVAL"); // no such shared frame to write
        refuses(s, "d1: grant_table_op map_grant_ref dom=2 ref=2 flags=host_map host_va=0.2", "GNTST_bad_gntref"); // :1076-1082
        refuses(s, "d1: grant_table_op copy flags=source_gref source=2 source_dom=2 source_offset=0 dest=4 dest_dom=self dest_offset=0 len=8",
                "GNTST_bad_gntref"); // acquire_grant_for_copy :2624-2629
    }

    @Test
    void setupTableGrowsTheTableUpToMaxGrantFrames() {
        State t = accepts(s, "d1: grant_table_op setup_table dom=self nr_frames=2 frame_list=0.0", "GNTST_okay");
        accepts(t, "d1: grant_table_op query_size dom=self", "GNTST_okay(nr_frames=2,max_nr_frames=2)");
        t = accepts(t, "d1: grant ref=3 domid=2 frame=3 readonly=false", "OK");
        // A smaller or zero request leaves it as it is (:2129-2132 grows only).
        State same = accepts(t, "d1: grant_table_op setup_table dom=self nr_frames=1 frame_list=0.0", "GNTST_okay");
        assertThat(same).isEqualTo(t);
        refuses(s, "d1: grant_table_op setup_table dom=self nr_frames=3 frame_list=0.0", "GNTST_general_error"); // :2114-2120
    }

    @Test
    void nrFramesIsAUint32() {
        State t = accepts(s, "d2: grant_table_op setup_table dom=self nr_frames=4294967296 frame_list=0.0", "GNTST_okay");
        assertThat(t).as("2^32 frames is 0 frames, nothing written").isEqualTo(s);
        refuses(s, "d2: grant_table_op setup_table dom=self nr_frames=4294967295 frame_list=0.0", "GNTST_general_error");
    }

    /** xsm_grant_setup / xsm_grant_query_size are XSM_TARGET: self, or the control domain (xsm/dummy.h:84-100). */
    @Test
    void anotherDomainsTableIsTheControlDomainsOnly() {
        refuses(s, "d1: grant_table_op setup_table dom=2 nr_frames=2 frame_list=0.0", "GNTST_permission_denied"); // :2105-2109
        refuses(s, "d1: grant_table_op query_size dom=2", "GNTST_permission_denied"); // :2190-2194
        State t = accepts(s, "dom0: grant_table_op setup_table dom=2 nr_frames=0 frame_list=0.0", "GNTST_okay");
        refuses(s, "dom0: grant_table_op setup_table dom=9 nr_frames=1 frame_list=0.0", "GNTST_bad_domain"); // :2098-2103, before XSM
        refuses(s, "d1: grant_table_op query_size dom=9", "GNTST_bad_domain"); // :2183-2188
        // The numbers go to the caller's memory: dom0 has none, so its store faults, after the growth (:2129-2155).
        t = accepts(s, "dom0: grant_table_op setup_table dom=2 nr_frames=2 frame_list=0.0", "GNTST_bad_virt_addr");
        accepts(t, "dom0: grant_table_op query_size dom=2", "GNTST_okay(nr_frames=2,max_nr_frames=2)");
    }

    /** guest_handle_okay (:2095-2096): the list's start outside Xen's range, checked first, even for no frames. */
    @Test
    void theFrameListMustStartAtAGuestAddress() {
        refuses(s, "d1: grant_table_op setup_table dom=self nr_frames=1 frame_list=2.0", "EFAULT");
        refuses(s, "d1: grant_table_op setup_table dom=9 nr_frames=0 frame_list=2.3+4088", "EFAULT");
        refuses(s, "d1: grant_table_op setup_table dom=self nr_frames=0 frame_list=0x10", "EFAULT"); // beyond the address space
    }

    /** __copy_to_guest_offset (:2142-2155): a ring-0 store through the caller's page tables, CR0.WP set. */
    @Test
    void eachFrameNumberIsStoredThroughTheCallersPageTables() {
        // 0.1 maps d1's L1 read-only: Xen's store faults rather than write into a page table.
        refuses(s, "d1: grant_table_op setup_table dom=self nr_frames=1 frame_list=0.1", "GNTST_bad_virt_addr");
        // Unmapped (0.2): the table is grown first and stays grown.
        State t = accepts(s, "d1: grant_table_op setup_table dom=self nr_frames=2 frame_list=0.2", "GNTST_bad_virt_addr");
        assertThat(t.dom(1).grants()).hasSize(4);
        // The second number crosses into 0.1 (read-only); the first, in 0.0, stays written.
        t = accepts(s, "d1: grant_table_op setup_table dom=self nr_frames=2 frame_list=0.0+4088", "GNTST_bad_virt_addr");
        assertThat(t.dom(1).vcpu(0).tlb()).as("the store into 0.0 cached its translation").containsKey(0L);
        accepts(s, "d1: grant_table_op setup_table dom=self nr_frames=1 frame_list=0.0+4088", "GNTST_okay");
        // Nothing to store, nothing to fault on.
        accepts(s, "d1: grant_table_op setup_table dom=self nr_frames=0 frame_list=1.0", "GNTST_okay");
    }
}
