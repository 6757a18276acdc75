package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;

class ScenarioTest {
    @Test
    void vectorNumbersAndPicksAreOneToOne() {
        for (Scenario sc : Scenarios.all()) {
            for (int v = 0; v < sc.vectors(); v++) assertThat(sc.vector(sc.picks(v))).isEqualTo(v);
        }
    }

    @Test
    void everyThreadIsOneVcpuAndNoTwoThreadsShareOne() {
        for (Scenario sc : Scenarios.all()) {
            assertThat(sc.threads()).as(sc.name).isBetween(2, 3);
            Set<String> vcpus = new HashSet<>();
            for (Call[] menu : sc.menus) {
                Caller c = menu[0].caller;
                for (Call x : menu) assertThat(x.caller).as(sc.name + ": one caller per menu").isEqualTo(c);
                assertThat(vcpus.add(c.domain() + "." + c.vcpu())).as(sc.name + ": vCPU used by two threads").isTrue();
            }
        }
    }

    @Test
    void theRacesAreRealSomeVectorsAllowSeveralOutcomes() {
        Oracle o = OracleBuilder.build(Scenarios.all());
        for (Scenario sc : Scenarios.all()) {
            int racy = 0;
            for (int v = 0; v < sc.vectors(); v++) if (o.allowedCount(sc.name, v) > 1) racy++;
            assertThat(racy).as(sc.name + ": vectors whose outcome depends on the order").isPositive();
        }
    }
}
