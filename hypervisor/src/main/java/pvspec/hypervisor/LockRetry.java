package pvspec.hypervisor;

import pvspec.model.rules.StacklessException;

/**
 * Thrown when a hypercall finds it needs a domain lock it cannot take without breaking the lock
 * order: the hypercall rolls back, releases everything and starts again holding the larger set.
 */
final class LockRetry extends StacklessException {
    static final LockRetry INSTANCE = new LockRetry();

    private LockRetry() {
        super("lock order: retry with more locks");
    }
}
