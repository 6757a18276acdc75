package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.testing.Scenarios;

/** {@code pvspec replay --json}: one object per step; the model and the hypervisor refuse for the same reason. */
class ReplayJsonTest {
    private static final Pattern SIDE = Pattern.compile("\"(model|hypervisor)\":\\{\"result\":\"([^\"]*)\"(?:,\"check\":\"([^\"]*)\")?\\}");

    @Test
    void everyScenarioShowsEqualCheckIdsOnBothSides() {
        int refused = 0;
        for (String name : Scenarios.ALL) {
            Cli c = Cli.run("replay", "--json", Cli.scenario(name));
            assertThat(c.exit).as(name + ": " + c.err).isZero();
            String[] lines = c.out.trim().split("\n");
            assertThat(lines).as(name).hasSize(Scenarios.trace(name).steps().size());
            for (String line : lines) {
                assertThat(line).startsWith("{\"line\":").contains("\"request\":\"").endsWith("\"invariants\":[]}");
                Matcher m = SIDE.matcher(line);
                assertThat(m.find()).as(line).isTrue();
                assertThat(m.group(1)).isEqualTo("model");
                String modelResult = m.group(2);
                String modelCheck = m.group(3);
                assertThat(m.find()).as(line).isTrue();
                assertThat(m.group(1)).isEqualTo("hypervisor");
                assertThat(m.group(2)).as(line).isEqualTo(modelResult);
                assertThat(m.group(3)).as(line).isEqualTo(modelCheck);
                if (modelCheck != null) {
                    refused++;
                    assertThat(Check.byId(modelCheck)).as(modelCheck).isPresent();
                }
            }
        }
        assertThat(refused).as("refused steps across the scenarios").isGreaterThan(10);
    }

    @Test
    void aRefusedStepNamesItsCheckAndTheTextShowsBothSides() {
        Cli json = Cli.run("replay", "--json", Cli.resource("cli/broken-expectation.trace"));
        assertThat(json.exit).isEqualTo(1);
        assertThat(json.out).contains("\"problem\":");
        Cli text = Cli.run("replay", Cli.scenario("domu-pair-event-channel-and-grant"));
        assertThat(text.out).contains("(grant_table.c:_set_status:guest-write-in-use | grant_table.c:_set_status:guest-write-in-use: "
                + Check.GNTTAB_IN_USE.sentence() + ")");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertThat(pvspec.verification.replay.ReplayJson.string("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }
}
