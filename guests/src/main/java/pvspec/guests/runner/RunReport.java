package pvspec.guests.runner;

import java.util.List;
import pvspec.model.abi.Result;
import pvspec.model.trace.Trace;

/**
 * What a run did: every request with its result, in the order the machine saw them (a
 * {@link Trace} whose lines expect those results), and the store as the programs left it.
 */
public record RunReport(Trace trace, List<Result> results, XenStore store) {
    public RunReport {
        results = List.copyOf(results);
    }

    public int steps() {
        return results.size();
    }
}
