package pvspec.verification.lincheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Checks;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.Scenarios;
import pvspec.verification.jpf.SeededRaces;
import pvspec.verification.jpf.Verdict;

/**
 * Lincheck's model checker finds each seeded concurrency bug ({@link SeededRaces}), by the exact
 * property it breaks, in the program (choice vector) of the scenario the JPF profile runs it on;
 * and Xen's locking passes the same program with the same number of interleavings. Runs without
 * interleavings never find these bugs ({@code VcpuHarnessTest}).
 */
class SeededRacesAreFoundByLincheck {
    /**
     * Enough for each bug with room to spare (the runs below report how many it took):
     * {@code tlb-holder-plain} needs the most, 3,493 since preemption added switch points to every
     * {@code mmu_update} and {@code mmuext_op} (1,596 before).
     */
    private static final int BUDGET = 5_000;

    @Test
    void aPeerDomainLeftUnlockedBreaksTheExactCounts() {
        // d2 unmaps its grant of d1's frame X twice while d1 ends the grant and pins X: without
        // d1's lock, d2's unmap and d1's end_access both act on the grant entry and X's references.
        // Lincheck's first failing interleaving is an outcome no sequential order gives (the
        // seed's declared finder, JPF_LINEARIZABILITY); it found INV-6 first until preemption's
        // put_old_guest_table added switch points to the calls. JPF's job still expects INV-6.
        found(SeededRaces.PEER_UNLOCKED, "grant-unmap-vs-end_access", new int[][] {{0, 0}, {0, 2}}, "not-linearizable");
    }

    @Test
    void waitingForLocksAgainstTheOrderDeadlocks() {
        // d1 closes its port twice while d2 binds to it and sends: each holds its own lock and waits for the other's.
        found(SeededRaces.WAITS_OUT_OF_ORDER, "evtchn-close-vs-send-bind", new int[][] {{0, 0}, {0, 1}}, "deadlock");
    }

    @Test
    void aTlbHolderBitSetWithoutCasLetsAFlushMissATranslation() {
        // d1 and d2 both read X through writable mappings (each sets its bit in X's TLB-holder word),
        // then d2 unmaps its grant and d1 clears its mapping and pins X: d1's lost bit leaves d1 a
        // writable translation to what is now its L1 table (the retype's flush of X's holders
        // misses it). d2's lost bit no longer shows: its unmap flushes all of d2's TLBs
        // (gnttab_flush_tlb), so the race is found by INV-3, not INV-8 as before grants2.
        found(SeededRaces.TLB_HOLDER_PLAIN, "tlb-fill-vs-retype", new int[][] {{0, 1, 2}, {0, 1}}, "invariant:INV-3");
    }

    private static void found(String variant, String scenario, int[][] picks, String expected) {
        Scenario sc = Scenarios.named(scenario);
        List<Integer> program = List.of(sc.vector(picks));
        LincheckRun.Outcome seeded = LincheckRun.modelCheck(sc, SeededRaces.checks(variant), program, BUDGET);
        HypervisorIsLinearizableUnderLincheck.report("model checking, seeded " + variant, sc, 1, BUDGET, seeded);
        assertThat(seeded.verdict).as("%s: %s", variant, seeded).isEqualTo(Verdict.parse(expected));

        LincheckRun.Outcome xen = LincheckRun.modelCheck(sc, new Checks(), program, (int) seeded.invocations + 1);
        HypervisorIsLinearizableUnderLincheck.report("model checking, unseeded", sc, 1, (int) seeded.invocations + 1, xen);
        assertThat(xen.verdict).as("%s without the seeded bug: %s", scenario, xen).isEqualTo(Verdict.pass());
    }
}
