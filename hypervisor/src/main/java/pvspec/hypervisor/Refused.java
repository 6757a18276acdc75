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
    /** The error code, or null for a grant status. */
    final Errno errno;

    private Refused(Result result, Errno errno, String why) {
        super(why);
        this.result = result;
        this.errno = errno;
    }

    static Refused of(Errno e, String why) {
        return new Refused(Result.err(e), e, why);
    }

    static Refused of(Gntst s, String why) {
        return new Refused(Result.gnt(s), null, why);
    }
}
