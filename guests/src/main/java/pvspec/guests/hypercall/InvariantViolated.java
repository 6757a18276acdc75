package pvspec.guests.hypercall;

/** A step broke an invariant: the message names the step and the violations. */
public final class InvariantViolated extends RuntimeException {
    public InvariantViolated(String message) {
        super(message);
    }
}
