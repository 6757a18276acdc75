package pvspec.model.rules;

import java.util.List;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/**
 * Multi-request hypercalls ({@code mmu_update}, {@code mmuext_op}): requests take effect in order,
 * each one atomically, and processing stops at the first refused one, reporting how many were
 * done before it.
 */
final class Batches {
    private Batches() {}

    interface Request<T> {
        State apply(State s, T item);
    }

    static <T> Outcome run(State s, List<T> items, Request<T> request) {
        for (int done = 0; done < items.size(); done++) {
            try {
                s = request.apply(s, items.get(done));
            } catch (Refusal r) {
                return Outcome.refused(s, new Result.Partial(r.check().errno(), done), r.check());
            }
        }
        return Outcome.of(s, Result.OK);
    }
}
