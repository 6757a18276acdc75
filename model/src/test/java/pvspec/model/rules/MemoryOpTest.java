package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/** memory_op ({@link MemoryOpRules}): populate_physmap and decrease_reservation. */
class MemoryOpTest {
    private final State s = oneGuest();

    @Test
    void populateGivesTheLowestFreeFramesUpToMaxPages() {
        State t = accepts(s, "dom0: domctl max_mem dom=2 pages=6", "OK");
        pvspec.model.rules.Outcome o = pvspec.model.testing.Fixture.run(t, "d2: memory_op populate_physmap dom=self count=5");
        assertThat(o.result()).isEqualTo(new Result.Extents(java.util.List.of(11L, 12L)));
        assertThat(o.state().frame(11).owner()).isEqualTo(2);
        assertThat(o.state().frame(11).allocated()).isTrue();
    }

    @Test
    void populateStopsWhenMemoryRunsOut() {
        refuses(s, "dom0: memory_op populate_physmap dom=0 count=9223372036854775807", "0");
    }

    @Test
    void populateAtMaxPagesGivesNothing() {
        accepts(s, "d1: memory_op populate_physmap dom=self count=1", "0");
        accepts(s, "d1: memory_op populate_physmap dom=self count=0", "0");
    }

    /** do_memory_op returns start_extent (0) when XSM_TARGET refuses (memory.c:1593-1597). */
    @Test
    void onlyTheControlDomainChangesAnotherDomainsMemory() {
        refuses(s, "d1: memory_op populate_physmap dom=2 count=1", "0");
        refuses(s, "d1: memory_op decrease_reservation dom=2 mfns=7", "0");
        accepts(s, "dom0: memory_op decrease_reservation dom=2 mfns=7", "1");
    }

    /** No such domain: do_memory_op returns start_extent, 0 (memory.c:1575-1577). */
    @Test
    void anUnknownDomainGetsNothingDone() {
        refuses(s, "dom0: memory_op populate_physmap dom=9 count=1", "0");
        refuses(s, "dom0: memory_op populate_physmap dom=-3 count=1", "0");
    }

    /** nr_extents is unsigned; above UINT_MAX >> MEMOP_EXTENT_SHIFT nothing is done (memory.c:1569-1570). */
    @Test
    void aCountTooLargeForAContinuationGetsNothingDone() {
        refuses(s, "d1: memory_op populate_physmap dom=self count=-1", "0");
        refuses(s, "dom0: memory_op populate_physmap dom=0 count=67108864", "0");
        accepts(s, "dom0: memory_op populate_physmap dom=0 count=67108863", "5");
    }

    /** tot_pages counts a frame given back until it is freed (page_alloc.c:assign_pages, free_domheap_pages). */
    @Test
    void aFrameGivenBackButStillReferencedCountsAgainstMaxPages() {
        State t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=3", "1");
        accepts(t, "d1: memory_op populate_physmap dom=self count=1", "0");
        t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=4", "1");
        accepts(t, "d1: memory_op populate_physmap dom=self count=1", "1");
    }

    @Test
    void decreaseFreesAnUnreferencedFrameAtOnce() {
        State t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=4,5", "2");
        assertThat(t.frame(4).isFree()).isTrue();
        assertThat(t.frame(5).isFree()).isTrue();
    }

    @Test
    void decreaseStopsAtTheFirstFrameTheDomainDoesNotOwn() {
        State t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=4,7,5", "1");
        assertThat(t.frame(5).isFree()).isFalse();
        accepts(s, "d1: memory_op decrease_reservation dom=self mfns=-1", "0");
        accepts(s, "d1: memory_op decrease_reservation dom=self mfns=", "0");
    }

    @Test
    void aReferencedFrameLingersUntilItsLastReferenceGoes() {
        State t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=3", "1");
        assertThat(t.frame(3).owner()).isEqualTo(1);
        assertThat(t.frame(3).allocated()).isFalse();
        assertThat(t.frame(3).count()).isEqualTo(1);
        State u = accepts(t, "d1: memory_op decrease_reservation dom=self mfns=3", "1");
        assertThat(u).isEqualTo(t);
        t = accepts(t, "d1: mmu_update ptr=2[0] val=0", "OK");
        assertThat(t.frame(3).isFree()).isTrue();
    }

    @Test
    void aPageTableLingersWhileValidated() {
        State t = accepts(s, "d1: memory_op decrease_reservation dom=self mfns=1,2", "2");
        assertThat(t.frame(1).isTable(2)).isTrue();
        assertThat(t.frame(2).isTable(1)).isTrue();
        accepts(t, "d1: access write va=0.0", "OK");
    }

    /** free_domheap_pages scrubs only when the owner is dying (page_alloc.c:2812-2813): a live domain's data passes on. */
    @Test
    void aFrameALiveDomainFreesKeepsItsDataForTheNextOwner() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        assertThat(t.frame(3).dataTag()).isEqualTo(1);
        t = accepts(t, "d1: mmu_update ptr=4[0] val=0x77 ptr=2[0] val=0", "OK");
        t = accepts(t, "d1: memory_op decrease_reservation dom=self mfns=3,4", "2");
        assertThat(t.frame(3).isFree()).isTrue();
        t = accepts(t, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        assertThat(t.frame(3).owner()).isEqualTo(0);
        assertThat(t.frame(3).dataTag()).isEqualTo(1);
        assertThat(t.frame(4).entry(0)).isEqualTo(0x77);
    }

    /** A dying domain's frames are scrubbed as they are freed (page_alloc.c:2812-2813). */
    @Test
    void aDyingDomainsFramesAreScrubbed() {
        State t = accepts(s, "d1: access write va=0.0", "OK");
        t = accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(t.frame(3).isFree()).isTrue();
        assertThat(t.frame(3).dataTag()).isEqualTo(pvspec.model.abi.DomId.DOMID_INVALID);
        assertThat(t.frame(3).contents().isZero()).isTrue();
        assertThat(t.frame(2).contents().isZero()).isTrue();
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "d1: memory_op cmd=11", "ENOSYS");
    }
}
