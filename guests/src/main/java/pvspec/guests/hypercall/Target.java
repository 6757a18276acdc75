package pvspec.guests.hypercall;

import java.util.function.Function;
import pvspec.model.state.Config;

/** A named implementation of the ABI that tests run guests on. */
public record Target(String name, Function<Config, Hypercalls> factory) {

    public Hypercalls boot(Config config) {
        return factory.apply(config);
    }

    @Override
    public String toString() { // parameterized test names
        return name;
    }
}
