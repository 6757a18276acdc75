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
        State t = accepts(s, "d2: grant_table_op setup_table dom=self nr_frames=2", "GNTST_okay");
        accepts(t, "d2: grant_table_op query_size dom=self", "GNTST_okay(nr_frames=2,max_nr_frames=2)");
        t = accepts(t, "d2: grant ref=3 domid=1 frame=9 readonly=false", "OK");
        accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=3 flags=host_map host_va=0.2", "0");
        // A smaller or zero request leaves it as it is (:2129-2132 grows only).
        State same = accepts(t, "d2: grant_table_op setup_table dom=self nr_frames=1", "GNTST_okay");
        assertThat(same).isEqualTo(t);
        refuses(s, "d2: grant_table_op setup_table dom=self nr_frames=3", "GNTST_general_error"); // :2114-2120
    }

    @Test
    void nrFramesIsAUint32() {
        State t = accepts(s, "d2: grant_table_op setup_table dom=self nr_frames=4294967296", "GNTST_okay");
        assertThat(t).as("2^32 frames is 0 frames").isEqualTo(s);
        refuses(s, "d2: grant_table_op setup_table dom=self nr_frames=4294967295", "GNTST_general_error");
    }

    /** xsm_grant_setup / xsm_grant_query_size are XSM_TARGET: self, or the control domain (xsm/dummy.h:84-100). */
    @Test
    void anotherDomainsTableIsTheControlDomainsOnly() {
        refuses(s, "d1: grant_table_op setup_table dom=2 nr_frames=2", "GNTST_permission_denied"); // :2105-2109
        refuses(s, "d1: grant_table_op query_size dom=2", "GNTST_permission_denied"); // :2190-2194
        State t = accepts(s, "dom0: grant_table_op setup_table dom=2 nr_frames=2", "GNTST_okay");
        accepts(t, "dom0: grant_table_op query_size dom=2", "GNTST_okay(nr_frames=2,max_nr_frames=2)");
        refuses(s, "dom0: grant_table_op setup_table dom=9 nr_frames=1", "GNTST_bad_domain"); // :2098-2103, before XSM
        refuses(s, "d1: grant_table_op query_size dom=9", "GNTST_bad_domain"); // :2183-2188
    }
}
