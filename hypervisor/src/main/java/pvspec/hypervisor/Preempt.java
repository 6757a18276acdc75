package pvspec.hypervisor;

import pvspec.model.rules.StacklessException;

/**
 * {@code -ERESTART} on its way up to the batch loop: unlike a {@link Refused}, what was done
 * stays (the journal is not rolled back). One instance: it carries nothing.
 */
final class Preempt extends StacklessException {
    static final Preempt INSTANCE = new Preempt();

    private Preempt() {
        super("preempted");
    }
}
