package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.function.Supplier;
import pvspec.model.trace.Trace;
import pvspec.properties.run.Campaign;
import pvspec.properties.run.Distribution;
import pvspec.properties.run.Failure;
import pvspec.properties.run.Property;
import pvspec.properties.run.Settings;

/** Runs a property campaign under the system-property settings and fails with the shrunk trace. */
final class Runs {
    private Runs() {}

    static Distribution check(Trace world, Supplier<Property> property, int tries, int steps) {
        Settings settings = Settings.fromSystemProperties(tries, steps);
        Campaign c = new Campaign(world, property);
        Optional<Failure> f = c.run(settings);
        System.out.println(property.get().name() + ": " + c.distribution().steps() + " generated steps, seeds "
                + settings.firstSeed() + ".." + (settings.firstSeed() + settings.tries() - 1));
        f.ifPresent(x -> System.out.println(x.report()));
        assertThat(f).as(() -> f.map(Failure::report).orElse("")).isEmpty();
        return c.distribution();
    }
}
