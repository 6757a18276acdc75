package pvspec.properties;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import pvspec.hypervisor.Hypervisor;
import pvspec.model.rules.Outcome;
import pvspec.model.state.State;
import pvspec.model.state.StateDiff;
import pvspec.model.state.shape.Component;
import pvspec.model.state.shape.IntMapShape;
import pvspec.model.state.shape.LongMapShape;
import pvspec.model.state.shape.OptionalShape;
import pvspec.model.state.shape.RecordShape;
import pvspec.model.state.shape.Shape;
import pvspec.model.state.shape.StateShape;
import pvspec.model.state.shape.SumShape;
import pvspec.model.state.shape.VectorShape;
import pvspec.model.trace.TraceStep;
import pvspec.properties.run.Property;
import pvspec.properties.run.Worlds;

/**
 * The hypervisor's storage keeps every field of the state: for every state the model-guided runs
 * reach, {@code fromModel} then {@code abstractState} gives the state back; and the runs give
 * every component of the state's description ({@link StateShape}) at least two values, so a field
 * that {@code Concretion} or {@code Abstraction} forgets (a new one, left at its initial value on
 * one side) cannot hide behind a component no run changes. The components no run varies are
 * named, each with why.
 */
class RefinementCoversTheState {

    /** Components the generated runs never change, and why that is fine. */
    private static final Map<String, String> NEVER_VARIED = Map.of();

    @Test
    void everyDescribedComponentVariesAndRoundTrips() {
        Map<String, Set<Object>> values = new ConcurrentHashMap<>();
        Runs.check(Worlds.twoGuests(), () -> new RoundTrip(values), 60, 500);
        Runs.check(Worlds.threeLevels(), () -> new RoundTrip(values), 30, 500);

        Set<String> all = components();
        System.out.println("state components: " + all.size() + ", " + all);
        assertThat(all).contains("Domain.vmAssist", "Vcpu.segments");
        Set<String> constant = new TreeSet<>();
        for (String component : all) if (values.getOrDefault(component, Set.of()).size() < 2) constant.add(component);
        assertThat(constant).as("components that kept one value in every run").isEqualTo(new TreeSet<>(NEVER_VARIED.keySet()));
    }

    /** Round-trips every state through the hypervisor's storage and records each component's values. */
    private static final class RoundTrip implements Property {
        private final Map<String, Set<Object>> values;

        RoundTrip(Map<String, Set<Object>> values) {
            this.values = values;
        }

        @Override
        public String name() {
            return "fromModel then abstractState is the identity";
        }

        @Override
        public Optional<String> afterStep(State before, TraceStep step, Outcome o) {
            State back = Hypervisor.fromModel(o.state()).abstractState();
            collect(StateShape.STATE, o.state());
            return back.equals(o.state()) ? Optional.empty() : Optional.of("round trip lost: " + StateDiff.describe(o.state(), back));
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private void collect(Shape shape, Object v) {
            if (shape instanceof RecordShape r) {
                for (Component c : (List<Component>) r.components()) {
                    Object x = c.get(v);
                    values.computeIfAbsent(key(r, c), k -> ConcurrentHashMap.newKeySet()).add(x);
                    if (c.shape() != null) collect(c.shape(), x);
                }
            } else if (shape instanceof VectorShape vs) {
                for (Object e : (List<?>) v) collect(vs.element(), e);
            } else if (shape instanceof IntMapShape m) {
                for (Object e : ((Map<?, ?>) v).values()) collect(m.value(), e);
            } else if (shape instanceof LongMapShape m) {
                for (Object e : ((Map<?, ?>) v).values()) collect(m.value(), e);
            } else if (shape instanceof OptionalShape o) {
                ((Optional<?>) v).ifPresent(x -> collect(o.value(), x));
            } else if (shape instanceof SumShape s) {
                for (RecordShape variant : (List<RecordShape>) s.variants()) if (variant.type().isInstance(v)) collect(variant, v);
            }
        }
    }

    /** Every component the description names, as "Record.component". */
    private static Set<String> components() {
        Set<String> out = new TreeSet<>();
        walk(StateShape.STATE, out);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void walk(Shape shape, Set<String> out) {
        if (shape instanceof RecordShape r) {
            for (Component c : (List<Component>) r.components()) if (out.add(key(r, c)) && c.shape() != null) walk(c.shape(), out);
        } else if (shape instanceof VectorShape vs) {
            walk(vs.element(), out);
        } else if (shape instanceof IntMapShape m) {
            walk(m.value(), out);
        } else if (shape instanceof LongMapShape m) {
            walk(m.value(), out);
        } else if (shape instanceof OptionalShape o) {
            walk(o.value(), out);
        } else if (shape instanceof SumShape s) {
            for (RecordShape variant : (List<RecordShape>) s.variants()) walk(variant, out);
        }
    }

    private static String key(RecordShape<?> r, Component<?> c) {
        return r.type().getSimpleName() + "." + c.name();
    }
}
