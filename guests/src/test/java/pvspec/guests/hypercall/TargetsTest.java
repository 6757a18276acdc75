package pvspec.guests.hypercall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests that loop over {@link Targets#all()} run on the hypervisor only if the service
 * loader finds it: without this, a missing {@code META-INF/services} entry would leave them
 * passing on the model alone.
 */
class TargetsTest {
    @Test
    void theServiceLoaderFindsAtLeastOneImplementationBesidesTheModel() {
        List<String> names = Targets.all().stream().map(Target::name).toList();
        assertThat(names).startsWith("model").contains("hypervisor");
        assertThat(names.size()).isGreaterThanOrEqualTo(2);
    }
}
