package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static pvspec.model.testing.Fixture.accepts;
import static pvspec.model.testing.Fixture.oneGuest;
import static pvspec.model.testing.Fixture.refuses;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/** domctl ({@link DomctlRules}) and domain teardown ({@link Domains}). */
class DomctlTest {
    private final State s = oneGuest();

    @Test
    void onlyTheControlDomainUsesDomctl() {
        refuses(s, "d1: domctl createdomain max_pages=1 vcpus=1", "EPERM");
        refuses(s, "d1: domctl destroydomain dom=2", "EPERM");
        refuses(s, "d1: domctl pausedomain dom=2", "EPERM");
        refuses(s, "d1: domctl cmd=99", "EPERM");
    }

    @Test
    void createdomainTakesTheLowestFreeIdAndFailsWhenNoneIsLeft() {
        State t = accepts(s, "dom0: domctl destroydomain dom=1", "OK");
        t = accepts(t, "dom0: domctl createdomain max_pages=1 vcpus=2", "1");
        assertThat(t.dom(1).vcpus()).hasSize(2);
        assertThat(t.dom(1).privileged()).isFalse();
        // domid_alloc finds none: -EEXIST (domctl.c:678-682), checked before the vCPU count.
        refuses(t, "dom0: domctl createdomain max_pages=1 vcpus=1", "EEXIST");
        refuses(t, "dom0: domctl createdomain max_pages=1 vcpus=0", "EEXIST");
    }

    /** domain_create sets controller_pause_count = 1 (domain.c:1050): it runs once unpaused. */
    @Test
    void aNewDomainIsCreatedPausedAndRunsOnceUnpaused() {
        State t = accepts(s, "dom0: domctl destroydomain dom=2", "OK");
        t = accepts(t, "dom0: domctl createdomain max_pages=1 vcpus=1", "2");
        assertThat(t.dom(2).pauseCount()).isEqualTo(1);
        refuses(t, "d2: sched_op yield", "ESRCH");
        t = accepts(t, "dom0: domctl unpausedomain dom=2", "OK");
        accepts(t, "d2: sched_op yield", "OK");
    }

    @Test
    void createdomainChecksItsArguments() {
        State t = accepts(s, "dom0: domctl destroydomain dom=2", "OK");
        // max_pages as max_mem stores it: an unsigned value capped at UINT_MAX (domctl.c:848).
        assertThat(accepts(t, "dom0: domctl createdomain max_pages=-1 vcpus=1", "2").dom(2).maxPages()).isEqualTo(0xFFFFFFFFL);
        refuses(t, "dom0: domctl createdomain max_pages=1 vcpus=0", "EINVAL");
        refuses(t, "dom0: domctl createdomain max_pages=1 vcpus=3", "EINVAL");
    }

    @Test
    void destroyingFreesEverythingNobodyElseHolds() {
        State t = accepts(s, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(t.domains()).doesNotContainKey(1);
        for (int mfn = 1; mfn <= 6; mfn++) assertThat(t.frame(mfn).isFree()).as("frame %d", mfn).isTrue();
    }

    @Test
    void aDomainMappedByAnotherLingersDying() {
        State t = accepts(s, "d1: grant ref=0 domid=2 frame=4 readonly=false", "OK");
        t = accepts(t, "dom0: memory_op populate_physmap dom=0 count=2", "2");
        t = accepts(t, "dom0: mmuext_op pin_l1_table mfn=11", "OK");
        t = accepts(t, "dom0: mmu_update foreigndom=1 ptr=11[0] val=5:P|US", "OK");
        t = accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(t.dom(1).life()).isEqualTo(Lifecycle.DYING);
        assertThat(t.frame(5).owner()).isEqualTo(1);
        refuses(t, "d1: sched_op yield", "ESRCH");
        // rcu_lock_domain_by_id finds a dying domain: it can be paused (domctl.c:657-661).
        assertThat(accepts(t, "dom0: domctl pausedomain dom=1", "OK").dom(1).pauseCount()).isEqualTo(1);
        State u = accepts(t, "dom0: domctl destroydomain dom=1", "OK");
        assertThat(u).isEqualTo(t);
        t = accepts(t, "dom0: mmu_update ptr=11[0] val=0", "OK");
        assertThat(t.domains()).doesNotContainKey(1);
    }

    @Test
    void destroyChecksItsTarget() {
        refuses(s, "dom0: domctl destroydomain dom=9", "ESRCH");
        refuses(s, "dom0: domctl destroydomain dom=0", "EINVAL");
    }

    @Test
    void aPausedDomainDoesNotRun() {
        State t = accepts(s, "dom0: domctl pausedomain dom=1", "OK");
        refuses(t, "d1: sched_op yield", "ESRCH");
        // Pauses are counted (domain.c:_domain_pause_by_systemcontroller).
        t = accepts(t, "dom0: domctl pausedomain dom=1", "OK");
        t = accepts(t, "dom0: domctl unpausedomain dom=1", "OK");
        refuses(t, "d1: sched_op yield", "ESRCH");
        t = accepts(t, "dom0: domctl unpausedomain dom=1", "OK");
        accepts(t, "d1: sched_op yield", "OK");
        refuses(t, "dom0: domctl unpausedomain dom=1", "EINVAL");
    }

    /** At most 255 toolstack pauses: -EOVERFLOW (domain.c:_domain_pause_by_systemcontroller). */
    @Test
    void pausesStopAt255() {
        State t = s.withDomain(s.dom(1).withPauseCount(255));
        refuses(t, "dom0: domctl pausedomain dom=1", "EOVERFLOW");
        accepts(s.withDomain(s.dom(1).withPauseCount(254)), "dom0: domctl pausedomain dom=1", "OK");
    }

    @Test
    void theControlDomainDoesNotPauseItself() {
        refuses(s, "dom0: domctl pausedomain dom=0", "EINVAL");
        refuses(s, "dom0: domctl unpausedomain dom=0", "EINVAL");
        refuses(s, "dom0: domctl pausedomain dom=7", "ESRCH");
    }

    @Test
    void maxMemLimitsFuturePopulates() {
        State t = accepts(s, "dom0: domctl max_mem dom=1 pages=7", "OK");
        accepts(t, "d1: memory_op populate_physmap dom=self count=3", "1");
        assertThat(accepts(s, "dom0: domctl max_mem dom=1 pages=-1", "OK").dom(1).maxPages()).isEqualTo(0xFFFFFFFFL);
        assertThat(accepts(s, "dom0: domctl max_mem dom=0 pages=3", "OK").dom(0).maxPages()).isEqualTo(3);
        refuses(s, "dom0: domctl max_mem dom=9 pages=1", "ESRCH");
    }

    @Test
    void unknownCommandsAreNotImplemented() {
        refuses(s, "dom0: domctl cmd=99", "ENOSYS");
    }

    @Test
    void theBoundaryValuesAreAccepted() {
        State t = accepts(s, "dom0: domctl destroydomain dom=2", "OK");
        t = accepts(t, "dom0: domctl createdomain max_pages=0 vcpus=2", "2");
        assertThat(t.dom(2).maxPages()).isZero();
        accepts(t, "dom0: domctl max_mem dom=2 pages=0", "OK");
    }
}
