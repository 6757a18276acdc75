package pvspec.checker.predicate;

/** A comparison between two values; only numbers are ordered. */
enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

    final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    static Operator of(String symbol) {
        for (Operator o : values()) if (o.symbol.equals(symbol)) return o;
        throw new IllegalArgumentException(symbol);
    }

    boolean ordered() {
        return this != EQ && this != NE;
    }

    boolean test(long a, long b) {
        switch (this) {
            case EQ: return a == b;
            case NE: return a != b;
            case LT: return a < b;
            case LE: return a <= b;
            case GT: return a > b;
            default: return a >= b;
        }
    }
}
