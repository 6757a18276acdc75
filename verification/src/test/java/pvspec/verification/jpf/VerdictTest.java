package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Checks;

/**
 * The exact verdicts the JPF profile's jobs expect, exercised without JPF: the harness's own
 * failures on the JVM (the built-in enumerator), JPF's error texts for the properties only JPF
 * reports (deadlock, data race), and the matching rules that make a job fail on any other outcome.
 */
class VerdictTest {
    /** The first failure of harness 1 over every vector of {@code sc}, threads in order, as a verdict. */
    private static Verdict harness(Scenario sc, Oracle oracle, Checks checks) {
        try {
            new Enumerator().exhaust(c -> VcpuHarness.run(c, oracle, checks, List.of(sc), false));
            return Verdict.pass();
        } catch (AssertionError e) {
            return Verdict.of(e.getMessage());
        }
    }

    @Test
    void anInvariantBrokenInTheHarnessIsThatClauseAndNothingElse() {
        // Without the type check, X becomes an L1 table while its writable references are
        // outstanding: a type change at a non-zero type count, INV-2 (checked before INV-3).
        Checks noTypeCheck = new Checks() {
            @Override public boolean typeMatches(int current, int wanted) {
                return true;
            }
        };
        Scenario sc = Scenarios.named("pin-vs-map-writable");
        Verdict found = harness(sc, OracleBuilder.build(List.of(sc)), noTypeCheck);
        assertThat(found).isEqualTo(new Verdict(Verdict.Kind.INVARIANT, "INV-2"));
        assertThat(found.satisfies(Verdict.parse("invariant:INV-2"))).isTrue();
        assertThat(found.satisfies(Verdict.parse("invariant:INV-3"))).isFalse();
        assertThat(found.satisfies(Verdict.parse("not-linearizable"))).isFalse();
        assertThat(found.satisfies(Verdict.pass())).isFalse();
    }

    @Test
    void anOutcomeTheModelDoesNotAllowIsNotLinearizableAndNotAnInvariant() {
        Scenario sc = Scenarios.named("grant-unmap-vs-end_access");
        Oracle wrong = OracleBuilder.build(List.of(sc));
        wrong.allowed.get(sc.name)[0] = new long[0];
        Verdict found = harness(sc, wrong, new Checks());
        assertThat(found.kind).isEqualTo(Verdict.Kind.NOT_LINEARIZABLE);
        assertThat(found.satisfies(Verdict.parse("not-linearizable"))).isTrue();
        assertThat(found.satisfies(Verdict.parse("invariant:INV-6"))).isFalse();
    }

    @Test
    void xensLockingPassesAndPassIsNoFailureExpectation() {
        Scenario sc = Scenarios.named("evtchn-close-vs-send-bind");
        Verdict found = harness(sc, OracleBuilder.build(List.of(sc)), new Checks());
        assertThat(found).isEqualTo(Verdict.pass());
        assertThat(found.satisfies(Verdict.parse("deadlock"))).isFalse();
    }

    @Test
    void jpfsErrorTextsGiveTheirProperties() {
        // JPF's uncaught-exception property around the harness's message.
        Verdict inv = Verdict.of("gov.nasa.jpf.vm.NoUncaughtExceptionsProperty\njava.lang.AssertionError: scenario grant-unmap-vs-end_access vector 2: INV-6: general count 2, but 1 references\n\tat ...");
        assertThat(inv).isEqualTo(Verdict.parse("invariant:INV-6"));
        Verdict dead = Verdict.of("gov.nasa.jpf.vm.NotDeadlockedProperty\ndeadlock encountered:\n  thread java.lang.Thread:{id:2,name:vcpu-0,status:WAITING}");
        assertThat(dead).isEqualTo(Verdict.parse("deadlock"));
        Verdict race = Verdict.of("pvspec.verification.jpf.RaceClassifier\nrace on pvspec.hypervisor.Dom.grantFlags[0]:\n  vcpu-1 read at pvspec.hypervisor.GrantOps.write:69\n  vcpu-0 write at pvspec.hypervisor.Txn.setInt:249");
        assertThat(race.satisfies(Verdict.parse("race:pvspec.hypervisor.Dom.grantFlags"))).isTrue();
        assertThat(race.satisfies(Verdict.parse("race:pvspec.hypervisor.Dom.grantFlags[0]"))).isTrue();
        assertThat(race.satisfies(Verdict.parse("race:pvspec.hypervisor.Dom.grantMaps"))).isFalse();
        assertThat(race.satisfies(Verdict.parse("race:pvspec.hypervisor.Dom.grant"))).isFalse();
        Verdict other = Verdict.of("gov.nasa.jpf.vm.NoUncaughtExceptionsProperty\njava.lang.AssertionError: scenario x: the setup threw java.lang.NullPointerException");
        assertThat(other.kind).isEqualTo(Verdict.Kind.OTHER);
        for (String spec : List.of("pass", "invariant:INV-6", "not-linearizable", "race:pvspec.hypervisor.Dom.grantFlags", "deadlock")) {
            assertThat(other.satisfies(Verdict.parse(spec))).as(spec).isFalse();
        }
    }

    @Test
    void expectationsAreWrittenExactly() {
        for (String bad : List.of("error", "invariant", "invariant:6", "race", "deadlock:x", "pass:y", "other", "")) {
            assertThatThrownBy(() -> Verdict.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        for (String good : List.of("pass", "invariant:INV-13", "not-linearizable", "race:pvspec.hypervisor.FrameTable.contents", "deadlock")) {
            assertThat(Verdict.parse(good).toString()).isEqualTo(good);
        }
    }
}
