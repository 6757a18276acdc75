package pvspec.model.rules;

/**
 * An exception used for control flow — a refused request, in the model and the hypervisor, or
 * the hypervisor's lock-order retry — thrown often and mostly preallocated, so it records no
 * stack trace. It is built with {@code RuntimeException(String)}: Java PathFinder, which runs
 * these paths, lacks the (message, cause, suppression, stack trace) constructor.
 */
public abstract class StacklessException extends RuntimeException {
    protected StacklessException(String message) {
        super(message);
    }

    @Override
    public final Throwable fillInStackTrace() {
        return this;
    }
}
