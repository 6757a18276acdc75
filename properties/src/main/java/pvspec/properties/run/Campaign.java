package pvspec.properties.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.properties.gen.Generator;
import pvspec.properties.shrink.Shrinker;

/**
 * Runs a property along generated request sequences: each run starts from a world (a trace
 * whose steps set it up), draws requests from the model state with a seeded
 * {@link Generator}, and stops at the first broken step, which is then shrunk.
 */
public final class Campaign {
    private final Trace world;
    private final Supplier<Property> property;
    private final Distribution distribution = new Distribution();
    private long deadline = Long.MAX_VALUE;
    private boolean timed;

    public Campaign(Trace world, Supplier<Property> property) {
        this.world = world;
        this.property = property;
    }

    /** Runs every seed of {@code settings}; the first failure, shrunk, if any. */
    public Optional<Failure> run(Settings settings) {
        for (int i = 0; i < settings.tries(); i++) {
            long seed = settings.firstSeed() + i;
            Optional<Failure> f = runOne(seed, settings.steps(), settings.hostility());
            if (f.isPresent()) return f;
        }
        return Optional.empty();
    }

    /** Stops generating at {@code nanoTime} ({@link System#nanoTime()}), even within a run: a time budget is kept whatever the run length. */
    public Campaign until(long nanoTime) {
        deadline = nanoTime;
        timed = true;
        return this;
    }

    public Distribution distribution() {
        return distribution;
    }

    private Optional<Failure> runOne(long seed, int steps, double hostility) {
        Generator g = new Generator(seed, hostility);
        Property prop = property.get();
        State s = State.initial(world.config());
        prop.start(s);
        List<TraceStep> done = new ArrayList<>();
        for (TraceStep w : world.steps()) {
            Outcome o = Step.step(s, w.caller(), w.call());
            Optional<String> why = prop.afterStep(s, w, o);
            if (why.isPresent()) return Optional.of(fail(prop.name(), seed, why.get(), w, done));
            done.add(w);
            s = o.state();
        }
        for (int i = 0; i < steps; i++) {
            if (timed && System.nanoTime() - deadline >= 0) break;
            TraceStep t = g.next(s);
            Outcome o;
            try {
                o = Step.step(s, t.caller(), t.call());
            } catch (RuntimeException e) {
                return Optional.of(fail(prop.name(), seed, "the model threw " + e, t, done));
            }
            distribution.add(t.call().kind(), o.result());
            Optional<String> why = prop.afterStep(s, t, o);
            if (why.isPresent()) return Optional.of(fail(prop.name(), seed, why.get(), t, done));
            done.add(t);
            s = o.state();
        }
        return Optional.empty();
    }

    private Failure fail(String name, long seed, String why, TraceStep last, List<TraceStep> before) {
        List<TraceStep> all = new ArrayList<>(before);
        all.add(last);
        Trace original = new Trace(world.config(), all);
        Trace shrunk = new Shrinker(t -> failureOf(t).isPresent()).shrink(original);
        return new Failure(name, seed, failureOf(shrunk).orElse(why), Replays.withResults(shrunk), all.size());
    }

    /** Whether (and why) the property breaks somewhere along {@code t}. */
    public Optional<String> failureOf(Trace t) {
        Property prop = property.get();
        State s = State.initial(t.config());
        prop.start(s);
        for (TraceStep step : t.steps()) {
            Outcome o;
            try {
                o = Step.step(s, step.caller(), step.call());
            } catch (RuntimeException e) {
                return Optional.of("the model threw " + e);
            }
            Optional<String> why = prop.afterStep(s, step, o);
            if (why.isPresent()) return why;
            s = o.state();
        }
        return Optional.empty();
    }
}
