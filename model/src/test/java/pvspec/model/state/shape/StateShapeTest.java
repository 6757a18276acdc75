package pvspec.model.state.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * The description of the state is complete and right: each described record lists exactly its
 * record's components, in order, with their types; every record the state holds is described;
 * and each description's constructor puts every value where its accessor reads it back.
 */
class StateShapeTest {

    /** Every record shape, the variants of sums included. */
    private static List<RecordShape<?>> shapes() {
        List<RecordShape<?>> out = new ArrayList<>(StateShape.RECORDS);
        out.addAll(StateShape.PORT_STATE.variants());
        return out;
    }

    @Test
    void eachDescriptionListsExactlyItsRecordsComponentsInOrder() {
        for (RecordShape<?> shape : shapes()) {
            List<String> described = new ArrayList<>();
            for (Component<?> c : shape.components()) described.add(c.name() + ":" + c.javaType().getName());
            List<String> declared = new ArrayList<>();
            for (RecordComponent rc : shape.type().getRecordComponents()) declared.add(rc.getName() + ":" + rc.getType().getName());
            assertThat(described).as("components of %s", shape.type().getSimpleName()).isEqualTo(declared);
        }
    }

    @Test
    void everyRecordTheStateHoldsIsDescribed() {
        Set<Class<?>> described = new HashSet<>();
        for (RecordShape<?> shape : shapes()) described.add(shape.type());
        Set<Class<?>> held = new LinkedHashSet<>();
        reachableRecords(State.class, held);
        assertThat(held).hasSizeGreaterThan(10);
        assertThat(described).containsAll(held);
    }

    /** Records named by the components of {@code t}, through generic collection parameters and sealed interfaces. */
    private static void reachableRecords(Type t, Set<Class<?>> out) {
        if (t instanceof ParameterizedType) {
            for (Type a : ((ParameterizedType) t).getActualTypeArguments()) reachableRecords(a, out);
            reachableRecords(((ParameterizedType) t).getRawType(), out);
            return;
        }
        if (!(t instanceof Class)) return;
        Class<?> c = (Class<?>) t;
        if (c.isSealed()) for (Class<?> p : c.getPermittedSubclasses()) reachableRecords(p, out);
        if (!c.isRecord() || c == Config.class || !out.add(c)) return;
        for (RecordComponent rc : c.getRecordComponents()) reachableRecords(rc.getGenericType(), out);
    }

    /**
     * Reads a state from a source that gives every number a distinct value and every flag an
     * alternating one, then writes it: a constructor that swaps two components, or an accessor
     * that reads the wrong one, changes the sequence.
     */
    @Test
    void everyConstructorPutsEachValueWhereItsAccessorReadsIt() {
        for (int variant = 0; variant < 7; variant++) {
            Recorder source = new Recorder(variant);
            State s = StateShape.STATE.read(source);
            RecordingSink sink = new RecordingSink();
            StateShape.write(s, sink);
            assertThat(sink.seen).as("variant %d", variant).isEqualTo(source.seen).hasSizeGreaterThan(60);
            assertThat(StateShape.rebuild(s, new Rebuilder() {})).isEqualTo(s);
        }
    }

    @Test
    void aDiffNamesTheFieldThatDiffers() {
        State a = State.initial(Config.small());
        int m = a.frames().size() - 1;
        State b = a.withFrame(m, a.frame(m).withCount(7));
        List<String> out = new ArrayList<>();
        StateShape.STATE.diff("", a, b, out);
        assertThat(out).containsExactly("frame " + m + " count: model 0, implementation 7");
    }

    /** A source of distinct values that records them. */
    private static final class Recorder implements Source {
        final List<String> seen = new ArrayList<>();
        private final int variant;
        private int next = 1;

        Recorder(int variant) {
            this.variant = variant;
        }

        @Override public int integer(Name name) { seen.add(name + " " + next); return next++; }
        @Override public long longInteger(Name name) { seen.add(name + " " + (next + 1_000_000L)); return next++ + 1_000_000L; }
        @Override public boolean bool() { boolean b = (next++ & 1) == 0; seen.add("bool " + b); return b; }
        @Override public int tag(int count) { int t = (variant + next++) % count; seen.add("tag " + t); return t; }
        @Override public int size() { seen.add("size 1"); return 1; }
        @Override public Config config() { return Config.small(); }
    }

    /** A sink that records what it is given. */
    private static final class RecordingSink implements Sink {
        final List<String> seen = new ArrayList<>();

        @Override public void integer(Name name, int value, int granter) { seen.add(name + " " + value); }
        @Override public void longInteger(Name name, long value) { seen.add(name + " " + value); }
        @Override public void bool(boolean value) { seen.add("bool " + value); }
        @Override public void tag(int index) { seen.add("tag " + index); }
        @Override public void size(int n) { seen.add("size " + n); }
        @Override public int source(Name index, int granter, int p) { return p; }
        @Override public boolean renames(Name name) { return false; }
        @Override public int renamed(Name name, int value, int granter) { return value; }
    }
}
