package pvspec.guests.hypercall;

/**
 * A well-behaved guest got a result it cannot go on from (Linux would {@code BUG()}): the
 * message names the request and the result.
 */
public final class GuestFailure extends RuntimeException {
    public GuestFailure(String message) {
        super(message);
    }
}
