package pvspec.checker.report;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.check.Check;

/**
 * The result codes the model can produce at all: those of its refusal catalogue
 * ({@link Check}; every error result comes from one of its checks), plus success,
 * {@code fault} and {@code GNTST_okay}. Coverage uses it to tell a code the bounds did not reach
 * from a code no rule ever returns.
 */
final class ModelCodes {
    private ModelCodes() {}

    static final Set<String> PRODUCIBLE = producible();

    private static Set<String> producible() {
        Set<String> out = new TreeSet<>(List.of("OK", "fault", Gntst.GNTST_okay.name()));
        for (Check c : Check.values()) out.add(ResultCodes.ALL.get(ResultCodes.of(c.result())));
        return out;
    }
}
