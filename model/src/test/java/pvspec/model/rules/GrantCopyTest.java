package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * {@code GNTTABOP_copy} ({@link GrantCopy}), expected results from grant_table.c at c447b7308b13
 * (gnttab_copy_one :3118-3162 and the functions it calls). d2 grants frame 9 writable (ref 0)
 * and frame 10 read-only (ref 1) to d1; d1's L1 is frame 2, its spare frames 4..6.
 */
class GrantCopyTest {
    private final State s = accepts(accepts(oneGuest(), "d2: grant ref=0 domid=1 frame=9 readonly=false", "OK"),
            "d2: grant ref=1 domid=1 frame=10 readonly=true", "OK");

    private static String copy(String flags, String source, String sourceDom, int sourceOffset, String dest, String destDom, int destOffset, int len) {
        return "d1: grant_table_op copy flags=" + flags + " source=" + source + " source_dom=" + sourceDom + " source_offset=" + sourceOffset
                + " dest=" + dest + " dest_dom=" + destDom + " dest_offset=" + destOffset + " len=" + len;
    }

    @Test
    void aZeroLengthCopyIsOkayBeforeAnyCheck() {
        State t = accepts(s, copy("0", "999", "7", 5000, "999", "7", 5000, 0), "GNTST_okay"); // :3123-3124
        assertThat(t).isEqualTo(s);
    }

    @Test
    void framesCopyBytesBetweenTheCallersOwnFrames() {
        long pte = s.frame(2).entry(0);
        State t = accepts(s, copy("0", "2", "self", 0, "4", "self", 0, 8), "GNTST_okay");
        assertThat(t.frame(4).entry(0)).as("the source is only read: a page table may be one").isEqualTo(pte);
        assertThat(t.frame(4).dataTag()).isEqualTo(1);
        t = accepts(s, copy("0", "2", "self", 0, "4", "self", 12, 4), "GNTST_okay");
        assertThat(t.frame(4).entry(1)).as("bytes 12..15 of frame 4 are bytes 0..3 of the PTE").isEqualTo((pte & 0xFFFFFFFFL) << 32);
    }

    /** gnttab_copy_lock_domain :2928-2931: a frame only with DOMID_SELF, not even the caller's own id. */
    @Test
    void aFrameIsNamedWithDomidSelfOnly() {
        refuses(s, copy("0", "3", "1", 0, "4", "self", 0, 8), "GNTST_permission_denied");
        refuses(s, copy("0", "3", "self", 0, "4", "2", 0, 8), "GNTST_permission_denied");
        refuses(s, copy("source_gref", "0", "7", 0, "4", "self", 0, 8), "GNTST_bad_domain"); // :2933-2936
        refuses(s, copy("0", "7", "self", 0, "4", "self", 0, 8), "GNTST_bad_page"); // claim_buf :3034-3041: d2's frame
    }

    @Test
    void aCopyOntoAPageTableFailsGetPageType() {
        refuses(s, copy("0", "3", "self", 0, "2", "self", 0, 8), "GNTST_general_error"); // :3048-3059
        // The claims come before the bounds (:3159): a page-table destination beyond the page is a general error.
        refuses(s, copy("0", "3", "self", 0, "2", "self", 4092, 8), "GNTST_general_error");
        refuses(s, copy("0", "3", "self", 4092, "4", "self", 0, 8), "GNTST_bad_copy_arg"); // :3084-3089
        refuses(s, copy("0", "3", "self", 0, "4", "self", 0, 4097), "GNTST_bad_copy_arg");
    }

    @Test
    void grantsAreCopiedFromAndToAsTheirEntriesAllow() {
        State t = accepts(s, copy("dest_gref", "2", "self", 0, "0", "2", 0, 8), "GNTST_okay");
        assertThat(t.frame(9).entry(0)).isEqualTo(s.frame(2).entry(0));
        assertThat(t.frame(9).dataTag()).as("d2's frame holds d2's data").isEqualTo(2);
        assertThat(t.dom(2).grants()).as("the pin is released (release_grant_for_copy)").isEqualTo(s.dom(2).grants());
        accepts(s, copy("source_gref", "1", "2", 0, "4", "self", 0, 8), "GNTST_okay");
        refuses(s, copy("dest_gref", "3", "self", 0, "1", "2", 0, 8), "GNTST_general_error"); // _set_status_v1 :797-805
        refuses(s, copy("source_gref", "2", "2", 0, "4", "self", 0, 8), "GNTST_general_error"); // :785-791, ref 2 not granted
        refuses(s, copy("source_gref", "4", "2", 0, "4", "self", 0, 8), "GNTST_bad_gntref"); // :2624-2629
    }

    @Test
    void aGrantMappedByAnotherIsRefusedAndADyingGrantersMappedFrameToo() {
        State t = accepts(s, "d1: grant_table_op map_grant_ref dom=2 ref=1 flags=host_map|readonly host_va=0.2", "0");
        refuses(t, "dom0: grant_table_op copy flags=source_gref|dest_gref source=1 source_dom=2 source_offset=0 dest=0 dest_dom=2 dest_offset=0 len=8",
                "GNTST_general_error"); // :2636-2645: act->domid is d1
        t = accepts(t, "dom0: domctl destroydomain dom=2", "OK");
        assertThat(t.dom(2).life()).isEqualTo(Lifecycle.DYING);
        refuses(t, copy("source_gref", "1", "2", 0, "4", "self", 0, 8), "GNTST_bad_domain"); // :2871-2886: rd->is_dying
    }
}
