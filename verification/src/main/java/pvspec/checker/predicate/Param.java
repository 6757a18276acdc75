package pvspec.checker.predicate;

import pvspec.model.state.Config;

/** What an atom's argument names: each is a literal, checked against the configuration when parsed. */
enum Param {
    FRAME("F", "a frame number, 0 to frames-1"),
    DOMAIN("D", "a domain: dom0, d1, d2, ..."),
    PORT("P", "a port number, 0 to ports-1"),
    REF("REF", "a grant reference, 0 to grants-1"),
    VA("VA", "a virtual page: dotted indices, top level first (1.2), or a page number");

    final String letter;
    final String meaning;

    Param(String letter, String meaning) {
        this.letter = letter;
        this.meaning = meaning;
    }

    /** The literal's value, or why it is not one. */
    long read(Token t, Config c) throws PredicateSyntaxException {
        switch (this) {
            case DOMAIN: {
                if (t.kind() == Token.Kind.WORD) {
                    for (int d = 0; d < c.domains(); d++) if (Type.domainName(d).equals(t.text())) return d;
                }
                throw new PredicateSyntaxException(t.column(), "expected a domain (dom0" + (c.domains() > 1 ? " to d" + (c.domains() - 1) : "")
                        + "), found " + t.describe());
            }
            case VA:
                return va(t, c);
            default: {
                long bound = this == FRAME ? c.frames() : this == PORT ? c.ports() : c.grants();
                long v = number(t);
                if (v >= bound) throw new PredicateSyntaxException(t.column(), meaning + "; found " + t.text());
                return v;
            }
        }
    }

    static long number(Token t) throws PredicateSyntaxException {
        if (t.kind() != Token.Kind.NUMBER || t.text().contains(".")) throw new PredicateSyntaxException(t.column(), "expected a number, found " + t.describe());
        if (t.text().length() > 18) throw new PredicateSyntaxException(t.column(), "number too large: " + t.text());
        return Long.parseLong(t.text());
    }

    private static long va(Token t, Config c) throws PredicateSyntaxException {
        if (t.kind() != Token.Kind.NUMBER) throw new PredicateSyntaxException(t.column(), "expected a virtual page (such as 0.1), found " + t.describe());
        if (!t.text().contains(".")) {
            long v = number(t);
            if (v >= c.vaPages()) throw new PredicateSyntaxException(t.column(), "virtual page " + v + " is beyond the last, " + (c.vaPages() - 1));
            return v;
        }
        String[] parts = t.text().split("\\.", -1);
        if (parts.length != c.levels()) throw new PredicateSyntaxException(t.column(), "a dotted address has " + c.levels() + " indices, found '" + t.text() + "'");
        long v = 0;
        int col = t.column();
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 9 || Long.parseLong(part) >= c.entries()) {
                throw new PredicateSyntaxException(col, "index '" + part + "' is not 0 to " + (c.entries() - 1));
            }
            v = v * c.entries() + Long.parseLong(part);
            col += part.length() + 1;
        }
        return v;
    }
}
