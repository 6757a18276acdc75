package pvspec.model.state;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.shape.StateShape;

/**
 * Where two states differ, field by field down to the first differing component of each frame
 * and domain (walking the state's description, {@link StateShape}), one line each: what
 * conformance checks print when an implementation's abstract state is not the model's.
 */
public final class StateDiff {
    private StateDiff() {}

    /** The differences, empty when the states are equal. */
    public static List<String> between(State model, State impl) {
        if (impl == null) return List.of("the implementation reported no state");
        if (!model.config().equals(impl.config())) return List.of("configuration: model " + model.config() + ", implementation " + impl.config());
        List<String> out = new ArrayList<>();
        StateShape.STATE.diff("", model, impl, out);
        return out;
    }

    /** The first few differences in one line, or "" when the states are equal. */
    public static String describe(State model, State impl) {
        List<String> all = between(model, impl);
        return String.join("; ", all.subList(0, Math.min(4, all.size()))) + (all.size() > 4 ? "; ..." : "");
    }
}
