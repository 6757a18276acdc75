package pvspec.model.rules;

import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;

/**
 * One reason the hypervisor refuses a request: the result the guest gets and a sentence saying
 * which rule the request broke.
 *
 * <p>Each rules class opens with the catalogue of its refusals, in the order Xen checks them;
 * the rules then read as preconditions ({@code require(owned, NOT_OWNED)}). A refusal is thrown
 * to abandon the request: since the state is immutable, whatever the request had computed so far
 * is simply dropped, which is why every refused request leaves the state unchanged.
 */
public final class Refusal extends StacklessException {
    private final Result result;

    private Refusal(Result result, String sentence) {
        super(sentence);
        this.result = result;
    }

    public static Refusal of(Errno errno, String sentence) {
        return new Refusal(Result.err(errno), sentence);
    }

    public static Refusal of(Gntst status, String sentence) {
        return new Refusal(Result.gnt(status), sentence);
    }

    /**
     * A refusal Xen reports as "no work done": {@code memory_op}'s reservation calls return the
     * number of extents done, 0 when a check fails before the first one.
     */
    public static Refusal noneDone(String sentence) {
        return new Refusal(Result.value(0), sentence);
    }

    /** Refuse with {@code refusal} unless {@code ok}. */
    public static void require(boolean ok, Refusal refusal) {
        if (!ok) throw refusal;
    }

    /** What the guest gets back. */
    public Result result() {
        return result;
    }

    /** The rule the request broke, in plain words. */
    public String sentence() {
        return getMessage();
    }

    /** The error code, for refusals that carry one (not grant statuses). */
    public Errno errno() {
        if (!(result instanceof Result.Err)) throw new IllegalStateException("a grant status has no errno: " + this);
        return ((Result.Err) result).errno();
    }

    public boolean is(Errno e) {
        return result instanceof Result.Err && ((Result.Err) result).errno() == e;
    }

    @Override
    public String toString() {
        return result + " (" + getMessage() + ")";
    }
}
