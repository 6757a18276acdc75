package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.refuses;
import static pvspec.model.testing.Fixture.state;

import org.junit.jupiter.api.Test;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/**
 * {@code GNTTABOP_set_version}, {@code get_version} and {@code get_status_frames}
 * ({@link GrantTableVersion}), expected results from grant_table.c at c447b7308b13: tables of one
 * frame of sixteen v1 references (eight reserved ones and eight others), so eight v2 references.
 */
class GrantTableVersionTest {
    private final State s = state(Fixture.ONE_GUEST.replace("grants=4\n", "grants=16\n"));

    @Test
    void onlyVersionsOneAndTwoExist() {
        refuses(s, "d2: grant_table_op set_version version=0", "EINVAL"); // :3237-3239
        refuses(s, "d2: grant_table_op set_version version=3", "EINVAL");
        // A uint32_t: 2^32 + 2 is version 2.
        State t = accepts(s, "d2: grant_table_op set_version version=4294967298", "2");
        assertThat(t.dom(2).grantVersion()).isEqualTo(2);
    }

    @Test
    void theSameVersionChangesNothing() {
        State t = accepts(s, "d2: grant ref=9 domid=1 frame=9 readonly=false", "OK");
        assertThat(accepts(t, "d2: grant_table_op set_version version=1", "1")).isEqualTo(t); // :3247-3249
        assertThat(s.dom(2).grantVersion()).as("v1 at creation (:2027)").isEqualTo(1);
    }

    @Test
    void aSwitchKeepsTheReservedEntriesAndHalvesTheEntriesOfAFrame() {
        State t = accepts(s, "d2: grant ref=2 domid=1 frame=9 readonly=true", "OK");
        t = accepts(t, "d2: accept_transfer ref=3 domid=1", "OK");
        t = accepts(t, "d2: grant ref=9 domid=1 frame=8 readonly=false", "OK");
        State v2 = accepts(t, "d2: grant_table_op set_version version=2", "2");
        assertThat(v2.dom(2).grants()).as("256 v2 entries a frame against 512 v1 (f2e, :714-733)").hasSize(8);
        assertThat(v2.dom(2).grants().get(2)).isEqualTo(t.dom(2).grants().get(2)); // :3309-3311, 3354-3366
        assertThat(v2.dom(2).grants().get(3)).isEqualTo(t.dom(2).grants().get(3));
        refuses(v2, "d1: grant_table_op map_grant_ref dom=2 ref=9 flags=host_map host_va=0.2", "GNTST_bad_gntref"); // :1076-1082
        accepts(v2, "d1: grant_table_op get_version dom=self", "1");
        accepts(v2, "d2: grant_table_op get_version dom=self", "2");
        // Back to v1: a reserved permit_access entry stays, any other type is cleared (:3315-3334);
        // the others were cleared by clear_page (:3342-3344).
        State v1 = accepts(v2, "d2: grant_table_op set_version version=1", "1");
        assertThat(v1.dom(2).grants()).hasSize(16);
        assertThat(v1.dom(2).grants().get(2)).isEqualTo(t.dom(2).grants().get(2));
        assertThat(v1.dom(2).grants().get(3)).isEqualTo(GrantEntry.INVALID);
        assertThat(v1.dom(2).grants().get(9)).isEqualTo(GrantEntry.INVALID);
    }

    @Test
    void aMappedEntryBeyondTheReservedOnesKeepsTheVersion() {
        State t = accepts(s, "d2: grant ref=9 domid=1 frame=9 readonly=false", "OK");
        t = accepts(t, "d1: grant_table_op map_grant_ref dom=2 ref=9 flags=host_map host_va=0.2", "0");
        refuses(t, "d2: grant_table_op set_version version=2", "EBUSY"); // :3250-3268
        // A mapped reserved entry does not stop the switch, and stays mapped and unmappable.
        State r = accepts(s, "d2: grant ref=3 domid=1 frame=9 readonly=false", "OK");
        r = accepts(r, "d1: grant_table_op map_grant_ref dom=2 ref=3 flags=host_map host_va=0.2", "0");
        State v2 = accepts(r, "d2: grant_table_op set_version version=2", "2");
        assertThat(v2.dom(2).grants().get(3).inUse()).isTrue();
        State gone = accepts(v2, "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.2 dev_bus_addr=0", "GNTST_okay");
        assertThat(gone.dom(2).grants().get(3).inUse()).isFalse();
    }

    /** xsm_grant_query_size is XSM_TARGET: self, or the control domain (xsm/dummy.h:80-101, 227-231). */
    @Test
    void getVersionOfAnotherDomainIsTheControlDomainsOnly() {
        refuses(s, "d1: grant_table_op get_version dom=2", "EPERM"); // :3476-3481
        refuses(s, "d1: grant_table_op get_version dom=9", "ESRCH"); // :3472-3474
        accepts(s, "dom0: grant_table_op get_version dom=2", "1"); // :3479
    }

    @Test
    void aVersionOneTableHasNoStatusFrames() {
        refuses(s, "d1: grant_table_op get_status_frames dom=self nr_frames=1 frame_list=0.0", "GNTST_general_error"); // :3428-3435
        accepts(s, "d1: grant_table_op get_status_frames dom=self nr_frames=0 frame_list=0.0", "GNTST_okay");
        State v2 = accepts(s, "d1: grant_table_op set_version version=2", "2");
        // grant_to_status_frames(1) is 1 (:484-487), populated by the switch (:3270-3277).
        accepts(v2, "d1: grant_table_op get_status_frames dom=self nr_frames=1 frame_list=0.0", "GNTST_okay");
        refuses(v2, "d1: grant_table_op get_status_frames dom=self nr_frames=2 frame_list=0.0", "GNTST_general_error");
        refuses(v2, "d2: grant_table_op get_status_frames dom=1 nr_frames=1 frame_list=0.0", "GNTST_permission_denied"); // :3417-3422
        refuses(v2, "d2: grant_table_op get_status_frames dom=9 nr_frames=0 frame_list=0.0", "GNTST_bad_domain"); // :3411-3416
        accepts(v2, "dom0: grant_table_op get_status_frames dom=1 nr_frames=0 frame_list=0.0", "GNTST_okay");
    }

    /**
     * The numbers are stored at frame_list as setup_table stores its frames' (CopyToGuest): the
     * list must start at a guest address, before the domain is looked up (:3406-3407); each store
     * goes through the caller's page tables, and the first that faults is GNTST_bad_virt_addr
     * (:3437-3444). d1 maps 0.0 writable, 0.1 read-only and 0.3 not at all; slot 2 is Xen's.
     */
    @Test
    void theStatusFramesNumbersAreStoredThroughTheCallersPageTables() {
        State v2 = accepts(s, "d1: grant_table_op set_version version=2", "2");
        refuses(v2, "d1: grant_table_op get_status_frames dom=9 nr_frames=0 frame_list=2.0", "EFAULT");
        refuses(v2, "d1: grant_table_op get_status_frames dom=self nr_frames=1 frame_list=0.1", "GNTST_bad_virt_addr"); // CR0.WP
        refuses(v2, "d1: grant_table_op get_status_frames dom=self nr_frames=1 frame_list=0.3", "GNTST_bad_virt_addr");
        State stored = accepts(v2, "d1: grant_table_op get_status_frames dom=self nr_frames=1 frame_list=0.0+4088", "GNTST_okay");
        assertThat(stored.dom(1).vcpu(0).tlb()).as("the store's translation is cached").containsKey(0L);
    }

    @Test
    void aTableTooSmallToHalveKeepsItsReservedEntries() {
        State small = Fixture.oneGuest("d2: grant ref=3 domid=1 frame=9 readonly=false -> OK\n");
        State v2 = accepts(small, "d2: grant_table_op set_version version=2", "2");
        assertThat(v2.dom(2).grants()).as("four v1 entries, all reserved").hasSize(4).isEqualTo(small.dom(2).grants());
    }
}
