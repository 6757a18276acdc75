package pvspec.hypervisor;

import pvspec.model.abi.check.Check;
import pvspec.model.rules.StacklessException;

/**
 * A refusal that keeps what was done before it (a resumed validation that fails leaves its table
 * torn down, as Xen's null continuation does): the batch reports the check without rolling back.
 */
final class FailedAfter extends StacklessException {
    final Check check;

    FailedAfter(Check check) {
        super(check.id());
        this.check = check;
    }
}
