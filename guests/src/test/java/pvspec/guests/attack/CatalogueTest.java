package pvspec.guests.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;
import pvspec.model.testing.TraceRun;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

/** Every malicious guest is refused as expected, breaks no invariant, and its trace replays. */
class CatalogueTest {

    static Stream<Arguments> attacks() {
        List<Arguments> out = new ArrayList<>();
        for (Target t : Targets.all()) for (Attack a : Catalogue.ALL) out.add(Arguments.of(t, a.info().name(), a));
        return out.stream();
    }

    static Stream<Arguments> attacksOnModel() {
        return Catalogue.ALL.stream().map(a -> Arguments.of(a.info().name(), a));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("attacks")
    void attackIsRefusedWithItsExpectedResultAndEveryInvariantHolds(Target target, String name, Attack attack) {
        AttackOutcome o = AttackRunner.run(attack, target);
        assertThat(o.setupFailure()).as("set-up").isEmpty();
        assertThat(o.steps()).as("attack steps").isNotEmpty();
        for (AttackStep s : o.steps()) {
            assertThat(s.actual().toString()).as("%s: %s", s.caller(), s.call()).isEqualTo(s.expected().text().equals("any")
                    ? s.actual().toString() : s.expected().text());
        }
        assertThat(o.failedPostconditions()).as("post-conditions").isEmpty();
        assertThat(o.violations()).as("invariants").isEmpty();
        assertThat(o.refused()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacksOnModel")
    void recordedTraceReplaysOnTheModelToTheSameResults(String name, Attack attack) throws TraceSyntaxException {
        AttackOutcome o = AttackRunner.run(attack, Targets.MODEL);
        Trace replayed = Trace.parse(name + ".trace", o.trace().print());
        assertThat(replayed.print()).isEqualTo(o.trace().print()); // steps differ only in their source line numbers
        TraceRun run = TraceRun.of(replayed); // checks every line's expected result and every invariant
        List<String> recorded = new ArrayList<>();
        for (var step : o.trace().steps()) recorded.add(step.expect().orElseThrow().text());
        List<String> rerun = new ArrayList<>();
        for (var r : run.results()) rerun.add(r.toString());
        assertThat(rerun).isEqualTo(recorded);
        for (AttackStep s : o.steps()) assertThat(run.results().get(s.traceIndex())).isEqualTo(s.actual());
    }

    @Test
    void theCatalogueHasAtLeastFifteenDistinctlyNamedAttacksWithMetadata() {
        assertThat(Catalogue.ALL).hasSizeGreaterThanOrEqualTo(15);
        Set<String> names = new HashSet<>();
        for (Attack a : Catalogue.ALL) {
            AttackInfo i = a.info();
            assertThat(names.add(i.name())).as("unique name %s", i.name()).isTrue();
            assertThat(i.xsa()).matches("XSA-\\d+|-");
            assertThat(List.of(i.bugClass(), i.description(), i.expected())).allMatch(t -> !t.isBlank());
            assertThat(Catalogue.byName(i.name())).isSameAs(a);
        }
        assertThat(Catalogue.ALL.stream().map(a -> a.info().xsa()))
                .contains("XSA-148", "XSA-182", "XSA-240", "XSA-218", "XSA-224", "XSA-401", "XSA-7", "XSA-213");
    }

    @Test
    void theTableListsEveryAttackAsRefused() {
        String table = AttackTable.render(AttackRunner.runAll(Targets.MODEL));
        for (Attack a : Catalogue.ALL) assertThat(table).contains(a.info().name());
        assertThat(table).doesNotContain("NOT REFUSED").doesNotContain("SET-UP FAILED")
                .contains(Catalogue.ALL.size() + " of " + Catalogue.ALL.size() + " attacks refused");
    }
}
