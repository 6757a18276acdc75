package pvspec.checker.predicate;

import pvspec.model.invariant.Facts;

/** One side of a comparison: an atom applied to its arguments, or a constant. */
interface Term {
    Type type();

    long value(Facts facts);

    static Term constant(Type type, long v) {
        return new Term() {
            @Override public Type type() { return type; }
            @Override public long value(Facts facts) { return v; }
        };
    }

    static Term apply(Atom atom, long[] args) {
        return new Term() {
            @Override public Type type() { return atom.type(); }
            @Override public long value(Facts facts) { return atom.eval().apply(facts, args); }
        };
    }
}
