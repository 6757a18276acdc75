package pvspec.checker.predicate;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.invariant.Facts;

/**
 * A function of the model's state that predicates can name: {@code owner(F)}, {@code alive(D)}...
 * {@link Atoms#ALL} lists them all.
 *
 * @param name what predicates call it
 * @param params its arguments
 * @param type what it returns
 * @param meaning one sentence for the reference
 * @param eval its value in a state, given its arguments' values
 */
public record Atom(String name, List<Param> params, Type type, String meaning, Eval eval) {

    /** The value of an atom in a state. */
    @FunctionalInterface
    interface Eval {
        long apply(Facts facts, long[] args);
    }

    /** How the reference writes it: {@code writable(D, F)}. */
    public String signature() {
        List<String> letters = new ArrayList<>();
        for (Param p : params) letters.add(p.letter);
        return name + "(" + String.join(", ", letters) + ")";
    }
}
