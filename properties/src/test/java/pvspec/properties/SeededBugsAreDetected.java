package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.properties.mutants.Hunt;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;
import pvspec.properties.run.Worlds;

/**
 * Detection power: every seeded-bug variant is caught by model-guided conformance fuzzing within
 * a fixed budget of {@value #BUDGET} generated steps, and the divergence shrinks to a trace of at
 * most {@value #MAX_SHRUNK} steps, set-up included.
 */
class SeededBugsAreDetected {
    /**
     * Since issue 13 (domains created paused, freed frames keep a live owner's contents)
     * the generator needed 24,326 steps to chain linear tables (linear-chains, seed 1); the
     * descriptor-table and callback requests of issue 15 moved the seed-1 stream: no-flush-on-retype
     * took 33,693 steps (a successful set_gdt flushes the vCPU's TLB, and with it the stale
     * translation that bug needs); on the stream of issue 14's user split (1% of requests
     * NEW_USER_BASEPTR, iret, multicall) bind-to-any-unbound-port needed 32,958 and
     * foreign-user-root 23,443.
     * 40,000: on the stream with both, writable page tables and preemption, no-flush-on-retype
     * needs 39,497, the most of all (the next change to the generator may need a larger budget).
     * 50,000: merged with grants2's stream (device maps, entry addresses, unmaps by address, each
     * unmap flushing the caller's TLBs) mode-switch-keeps-tlb needed 43,906 (seed 110).
     * 100,000: merged with gv2, swap15 and vaddr15 (setup_table draws a frame list), grant-dev-addr-unchecked
     * needed 64,209 and mode-switch-keeps-tlb 54,197 (seed 1).
     */
    static final int BUDGET = 100_000;
    /**
     * 14: the world's set-up (create, populate and unpause two guests: domains are created paused,
     * domain.c:1050) is six of the steps; on the generator stream of issue 15, fast-path-rw-toggle
     * shrinks to 13 (set-up, a frame given back and re-populated, an L1 entry, pin, the RW toggle);
     * on the stream with issue 15's descriptor requests, grant-unmap-no-pte-check shrinks to 15.
     */
    static final int MAX_SHRUNK = 15;

    static Stream<Mutant> mutants() {
        return Mutants.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void withinTheBudgetWithAShortTrace(Mutant m) {
        Hunt.Detection d = Hunt.byFuzzing(m, Worlds.forVariant(m.name()), 1, BUDGET, 400, 0.2);
        assertThat(d.detected()).as("%s (%s) undetected after %d steps", m.name(), m.xsa(), d.steps()).isTrue();
        int setup = Worlds.forVariant(m.name()).steps().size();
        System.out.printf("%-30s %-8s detected after %6d steps, %5.2f s, shrunk to %d steps (world %d)%n", m.name(), m.xsa(), d.steps(),
                d.seconds(), d.shrunkLength(), setup);
        assertThat(d.shrunkLength()).as(d.failure().get().report()).isLessThanOrEqualTo(MAX_SHRUNK);
    }

    @org.junit.jupiter.api.Test
    void theCatalogueHasADistinctVariantPerBugClass() {
        List<String> names = new ArrayList<>();
        for (Mutant m : Mutants.ALL) {
            names.add(m.name());
            assertThat(m.checks().get().getClass().getSuperclass()).isEqualTo(pvspec.hypervisor.Checks.class);
        }
        assertThat(names).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(12);
    }

    @org.junit.jupiter.api.Test
    void theRegistryNamesTheCheckersForEveryBugAndEveryReaderSeesIt() {
        for (pvspec.hypervisor.seeded.SeededBug b : pvspec.hypervisor.seeded.SeededBug.values()) {
            assertThat(b.foundBy()).as(b.id()).isNotEmpty();
            assertThat(b.bugClass()).as(b.id()).isNotBlank();
            assertThat(b.xsa()).as(b.id()).matches("-|XSA-[0-9]+");
            assertThat(b.checks().getClass().getSuperclass()).isEqualTo(pvspec.hypervisor.Checks.class);
            // The sequential ones are this suite's variants; the concurrency ones JPF's (SeededRaces).
            assertThat(Mutants.ALL.stream().anyMatch(m -> m.name().equals(b.id()))).as(b.id()).isEqualTo(!b.concurrent());
        }
    }

    @org.junit.jupiter.api.Test
    void everyVariantTheRegistryExpectsTheAttacksToFindTheyFind() {
        for (pvspec.hypervisor.seeded.SeededBug b : pvspec.hypervisor.seeded.SeededBug.sequential()) {
            boolean expected = b.foundBy().contains(pvspec.hypervisor.seeded.SeededBug.Finder.ATTACKS);
            assertThat(pvspec.properties.mutants.Hunt.byAttacks(Mutant.of(b)).isPresent()).as(b.id()).isEqualTo(expected);
        }
    }
}
