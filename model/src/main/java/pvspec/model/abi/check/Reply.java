package pvspec.model.abi.check;

import java.util.Optional;
import pvspec.model.abi.Result;

/**
 * What a request returned and, when it was refused, the check that refused it. Two machines
 * agree on a request when their replies are equal: the same result for the same reason.
 */
public record Reply(Result result, Optional<Check> check) {

    public Reply {
        if (result == null || check == null) throw new IllegalArgumentException("result and check");
    }

    /** A request carried out (or a guest fault, which no check decides). */
    public static Reply of(Result result) {
        return new Reply(result, Optional.empty());
    }

    /** A request refused by {@code check}; {@code result} is what the guest got (a batch's "done" count included). */
    public static Reply refused(Result result, Check check) {
        return new Reply(result, Optional.of(check));
    }

    /** The refusal id, or {@code "-"} when nothing was refused. */
    public String checkId() {
        return check.map(Check::id).orElse("-");
    }

    // Spelled out: Java PathFinder cannot run a record's generated methods.
    @Override
    public boolean equals(Object o) {
        return o instanceof Reply && ((Reply) o).result.equals(result) && ((Reply) o).check.equals(check);
    }

    @Override
    public int hashCode() {
        return result.hashCode() * 31 + check.map(c -> c.id().hashCode()).orElse(0);
    }

    @Override
    public String toString() {
        return check.map(c -> result + " [" + c.id() + "]").orElse(result.toString());
    }
}
