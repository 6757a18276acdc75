package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;
import static pvspec.model.testing.Fixture.run;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;

/**
 * {@code GNTTABOP_swap_grant_ref} ({@link GrantSwap}), expected results from grant_table.c at
 * c447b7308b13 ({@code swap_grant_ref}, :3489-3570): d2 (frames 7..10, four references) grants
 * frame 9 to d1 writable as ref 0 and frame 10 read-only as ref 1; d1 maps them at its 0.2.
 */
class GrantSwapTest {
    private final State s = accepts(accepts(oneGuest(), "d2: grant ref=0 domid=1 frame=9 readonly=false", "OK"),
            "d2: grant ref=1 domid=1 frame=10 readonly=true", "OK");

    @Test
    void aSwapExchangesTheTwoEntriesWholeInTheCallersTable() {
        State t = accepts(s, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=1", "GNTST_okay"); // v1: :3537-3544
        assertThat(t.dom(2).grants().get(0)).isEqualTo(s.dom(2).grants().get(1));
        assertThat(t.dom(2).grants().get(1)).isEqualTo(s.dom(2).grants().get(0));
        // The mapper now finds frame 10, read-only, at ref 0.
        refuses(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "GNTST_general_error");
        accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|readonly host_va=0.2", "0");
        State back = accepts(t, "d2: grant_table_op swap_grant_ref ref_a=1 ref_b=0", "GNTST_okay");
        assertThat(back).isEqualTo(s);
        State empty = accepts(s, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=3", "GNTST_okay");
        assertThat(empty.dom(2).grants().get(0)).isEqualTo(GrantEntry.INVALID);
    }

    @Test
    void bothReferencesAreCheckedFirstAAndThenB() {
        assertThat(run(s, "d2: grant_table_op swap_grant_ref ref_a=4 ref_b=9").check()).contains(Check.GNTTAB_SWAP_BAD_REF_A); // :3501-3506
        assertThat(run(s, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=4").check()).contains(Check.GNTTAB_SWAP_BAD_REF_B); // :3507-3512
        refuses(s, "d2: grant_table_op swap_grant_ref ref_a=4 ref_b=4", "GNTST_bad_gntref"); // bounds before the same-ref no-op
        refuses(s, "d2: grant_table_op swap_grant_ref ref_a=-1 ref_b=0", "GNTST_bad_gntref"); // grant_ref_t is unsigned
        refuses(s, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=-1", "GNTST_bad_gntref");
    }

    @Test
    void aReferenceSwappedWithItselfIsANoOpEvenWhenMapped() {
        State t = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
        State same = accepts(t, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=0", "GNTST_okay"); // :3517-3519, before the pins
        assertThat(same).isEqualTo(t);
    }

    @Test
    void aMappedEntryOnEitherSideIsBusy() {
        State t = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
        assertThat(run(t, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=1").check()).contains(Check.GNTTAB_SWAP_A_BUSY); // :3521-3527
        assertThat(run(t, "d2: grant_table_op swap_grant_ref ref_a=1 ref_b=0").check()).contains(Check.GNTTAB_SWAP_B_BUSY); // :3529-3535
        refuses(t, "d2: grant_table_op swap_grant_ref ref_a=2 ref_b=0", "GNTST_eagain");
        // A device-only mapping pins the entry as well (act->pin counts every mapping).
        State dev = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=device_map|readonly host_va=0", "0");
        refuses(dev, "d2: grant_table_op swap_grant_ref ref_a=1 ref_b=2", "GNTST_eagain");
        // Unmapped again, the entry swaps.
        State unmapped = accepts(t, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2", "GNTST_okay");
        accepts(unmapped, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=1", "GNTST_okay");
    }

    @Test
    void onlyTheCallersOwnTableAndNotFromUserMode() {
        State t = accepts(s, "d1: grant_table_op swap_grant_ref ref_a=0 ref_b=1", "GNTST_okay");
        assertThat(t.dom(2)).isEqualTo(s.dom(2));
        refuses(s, "d2/user: grant_table_op swap_grant_ref ref_a=0 ref_b=1", "EPERM");
    }

    /** A swap after the table grew reaches the new frame's references (nr_grant_entries is the current size). */
    @Test
    void theBoundIsTheTablesCurrentSize() {
        State two = pvspec.model.testing.Fixture.state(pvspec.model.testing.Fixture.ONE_GUEST.replace("grants=4\n", "grants=4 grant_frames=2\n"));
        refuses(two, "d1: grant_table_op swap_grant_ref ref_a=0 ref_b=2", "GNTST_bad_gntref");
        State grown = accepts(two, "d1: grant_table_op setup_table dom=self nr_frames=2 frame_list=0.0", "GNTST_okay");
        accepts(grown, "d1: grant_table_op swap_grant_ref ref_a=0 ref_b=3", "GNTST_okay");
    }

    /** A v2 table (gv2) swaps its entries with their status words (:3545-3555), kept in the model's flags; the pins are checked alike. */
    @Test
    void aVersion2TableSwapsAlike() {
        State v2 = accepts(accepts(oneGuest(), "d2: grant_table_op set_version version=2", "2"), "d2: grant ref=0 domid=1 frame=9 readonly=false", "OK");
        v2 = accepts(v2, "d2: grant ref=1 domid=1 frame=10 readonly=true", "OK");
        State t = accepts(v2, "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2", "0");
        refuses(t, "d2: grant_table_op swap_grant_ref ref_a=1 ref_b=0", "GNTST_eagain");
        State swapped = accepts(v2, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=1", "GNTST_okay");
        assertThat(swapped.dom(2).grants().get(0)).isEqualTo(v2.dom(2).grants().get(1));
        assertThat(swapped.dom(2).grants().get(1)).isEqualTo(v2.dom(2).grants().get(0));
        refuses(v2, "d2: grant_table_op swap_grant_ref ref_a=0 ref_b=4", "GNTST_bad_gntref");
    }
}
