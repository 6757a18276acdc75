package pvspec.hypervisor;

import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;
import pvspec.model.rules.StacklessException;

/**
 * A refusal: thrown where a check fails, caught where the request (or the batch entry) began,
 * which rolls the journal back to that point. Instances are constants: no stack traces.
 */
final class Refused extends StacklessException {
    final Result result;
    /** The error code, or null for a grant status or a count. */
    final Errno errno;

    private Refused(Result result, Errno errno, String why) {
        super(why);
        this.result = result;
        this.errno = errno;
    }

    static Refused of(Errno e, String why) {
        return new Refused(Result.err(e), e, why);
    }

    /** {@code memory_op}: a check before the first extent returns "0 done". */
    static Refused noneDone(String why) {
        return new Refused(Result.value(0), null, why);
    }

    static Refused of(Gntst s, String why) {
        return new Refused(Result.gnt(s), null, why);
    }
}
