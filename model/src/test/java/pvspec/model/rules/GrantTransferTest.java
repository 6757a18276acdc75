package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;
import static pvspec.model.testing.Fixture.run;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.DomId;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.PageType;
import pvspec.model.state.State;

/** {@code GNTTABOP_transfer} ({@link GrantTableRules}): steal_page, the receiver's checks, the ownership change. */
class GrantTransferTest {
    /** The fixture's world, d2 with room for one more frame and entry 0 accepting a frame from d1. */
    private final State s = accepts(accepts(oneGuest(), "dom0: domctl max_mem dom=2 pages=5", "OK"),
            "d2: accept_transfer ref=0 domid=1", "OK");

    /** grant_table.c:2486-2504 and assign_pages: the receiver owns the frame, allocated, one reference; the entry shows it. */
    @Test
    void aSpareFrameChangesOwnerAndTheEntryShowsItCommittedAndCompleted() {
        State t = accepts(s, "d1: grant_table_op transfer mfn=4 domid=2 ref=0", "GNTST_okay");
        Frame f = t.frame(4);
        assertThat(f.owner()).isEqualTo(2);
        assertThat(f.allocated()).isTrue();
        assertThat(f.count()).isEqualTo(1);
        assertThat(f.type()).isEqualTo(PageType.NONE);
        GrantEntry e = t.dom(2).grants().get(0);
        assertThat(e.frame()).isEqualTo(4);
        assertThat(e.flags()).isEqualTo(GrantEntry.GTF_accept_transfer | GrantEntry.GTF_transfer_committed | GrantEntry.GTF_transfer_completed);
        assertThat(e.inUse()).as("bit 3 of a transfer entry is not GTF_reading").isFalse();
    }

    /** XSA-214/217: steal_page wants the allocation as the only reference (mm.c:4407-4413). */
    @Test
    void aFrameInUseIsRefusedAndNothingChanges() {
        refuses(s, "d1: grant_table_op transfer mfn=2 domid=2 ref=0", "GNTST_bad_page"); // the L1
        refuses(s, "d1: grant_table_op transfer mfn=3 domid=2 ref=0", "GNTST_bad_page"); // mapped
        refuses(s, "d1: grant_table_op transfer mfn=7 domid=2 ref=0", "GNTST_bad_page"); // d2's
        State pinned = accepts(s, "d1: mmuext_op pin_l1_table mfn=4", "OK");
        refuses(pinned, "d1: grant_table_op transfer mfn=4 domid=2 ref=0", "GNTST_bad_page");
    }

    /** After the steal, a refusal frees the frame scrubbed (free_domheap_page of an ownerless page: page_alloc.c:2815-2829). */
    @Test
    void aRefusalAfterTheStealLosesTheFrameScrubbed() {
        State written = accepts(s, "d1: mmu_update ptr=4[0] val=3:P|US", "OK");
        assertThat(written.frame(4).contents().isZero()).isFalse();
        Outcome o = run(written, "d1: grant_table_op transfer mfn=4 domid=2 ref=1");
        assertThat(o.result().toString()).isEqualTo("GNTST_general_error");
        assertThat(o.state().frame(4)).isEqualTo(Frame.free(written.config().entries()));
        assertThat(o.state().frame(4).owner()).isEqualTo(DomId.DOMID_INVALID);
    }

    /** grant_table.c:2412-2414: a receiver holding max_pages frames gets none. */
    @Test
    void aFullReceiverIsRefused() {
        State full = accepts(s, "dom0: domctl max_mem dom=2 pages=4", "OK");
        Outcome o = run(full, "d1: grant_table_op transfer mfn=4 domid=2 ref=0");
        assertThat(o.result().toString()).isEqualTo("GNTST_general_error");
        assertThat(o.reason()).hasValueSatisfying(r -> assertThat(r).contains("max_pages"));
        assertThat(o.state().frame(4).isFree()).isTrue();
        assertThat(o.state().dom(2).grants().get(0).flags()).as("the entry still waits").isEqualTo(GrantEntry.GTF_accept_transfer);
    }
}
