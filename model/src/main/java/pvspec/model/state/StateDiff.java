package pvspec.model.state;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where two states differ, field by field of each frame and domain, one line each: what
 * conformance checks print when an implementation's abstract state is not the model's.
 */
public final class StateDiff {
    private StateDiff() {}

    /** The differences, empty when the states are equal. */
    public static List<String> between(State model, State impl) {
        List<String> out = new ArrayList<>();
        if (impl == null) return List.of("the implementation reported no state");
        if (!model.config().equals(impl.config())) return List.of("configuration: model " + model.config() + ", implementation " + impl.config());
        int n = Math.max(model.frames().size(), impl.frames().size());
        for (int m = 0; m < n; m++) {
            Object a = m < model.frames().size() ? model.frame(m) : null;
            Object b = m < impl.frames().size() ? impl.frame(m) : null;
            fields("frame " + m, a, b, out);
        }
        Set<Integer> ids = new TreeSet<>(model.domains().keySet());
        ids.addAll(impl.domains().keySet());
        for (int id : ids) {
            Domain a = model.domains().get(id);
            Domain b = impl.domains().get(id);
            fields("d" + id, a, b, out);
        }
        return out;
    }

    /** The first few differences in one line, or "" when the states are equal. */
    public static String describe(State model, State impl) {
        List<String> all = between(model, impl);
        return String.join("; ", all.subList(0, Math.min(4, all.size()))) + (all.size() > 4 ? "; ..." : "");
    }

    private static void fields(String what, Object a, Object b, List<String> out) {
        if (Objects.equals(a, b)) return;
        if (a == null || b == null || !a.getClass().isRecord()) {
            out.add(what + ": model " + a + ", implementation " + b);
            return;
        }
        for (RecordComponent c : a.getClass().getRecordComponents()) {
            try {
                Object x = c.getAccessor().invoke(a);
                Object y = c.getAccessor().invoke(b);
                if (!Objects.equals(x, y)) out.add(what + " " + c.getName() + ": model " + x + ", implementation " + y);
            } catch (ReflectiveOperationException e) {
                out.add(what + ": model " + a + ", implementation " + b);
                return;
            }
        }
    }
}
