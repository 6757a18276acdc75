package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pvspec.model.state.State;

class OracleTest {
    @Test
    void survivesTheFileRoundTripThatCarriesItIntoJpf(@TempDir Path dir) throws Exception {
        List<Scenario> scenarios = List.of(Scenarios.named("evtchn-close-vs-send-bind"));
        Oracle built = OracleBuilder.build(scenarios);
        StringWriter w = new StringWriter();
        built.write(w);
        Path file = dir.resolve("o.oracle");
        Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
        Oracle read = Oracle.read(file.toString());
        Scenario sc = scenarios.get(0);
        assertThat(read.setups).isEqualTo(built.setups);
        for (int v = 0; v < sc.vectors(); v++) {
            assertThat(read.allowedCount(sc.name, v)).isEqualTo(built.allowedCount(sc.name, v)).isPositive();
            for (long f : built.allowed.get(sc.name)[v]) assertThat(read.allows(sc.name, v, f)).isTrue();
        }
        assertThat(read.allows(sc.name, 0, 42L)).isFalse();
        assertThat(read.allows(sc.name, sc.vectors(), built.allowed.get(sc.name)[0][0])).isFalse();
    }

    @Test
    void allowsEveryOrderOfTwoRacingRequestsAndNothingElse() {
        // d1 closes its unbound port while d2 binds to it: bind first (both succeed) or close first (bind refused).
        Scenario sc = Scenarios.named("evtchn-close-vs-send-bind");
        int[][] picks = {{0, 1}, {0, 1}}; // d1: close 1, send 1; d2: bind 1:1, send 1
        State start = State.initial(sc.config);
        for (Call c : sc.setup) start = pvspec.model.rules.Step.step(start, c.caller, c.request).state();
        assertThat(OracleBuilder.sequentialOutcomes(sc, start, picks)).hasSizeGreaterThan(1);
    }

    @Test
    void fingerprintsAreStableAndDistinguishNearlyEqualTexts() {
        assertThat(Oracle.fingerprint("t0=OK | F")).isEqualTo(Oracle.fingerprint("t0=OK | F"));
        assertThat(Oracle.fingerprint("t0=OK | F 1=1")).isNotEqualTo(Oracle.fingerprint("t0=OK | F 1=2"));
        assertThat(Oracle.fingerprint("")).isEqualTo(0xcbf29ce484222325L);
    }
}
