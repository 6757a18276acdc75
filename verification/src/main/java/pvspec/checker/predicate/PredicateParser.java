package pvspec.checker.predicate;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import pvspec.model.state.Config;

/**
 * Reads a predicate by recursive descent over {@link #GRAMMAR}. Arguments are literals checked
 * against the configuration (frames, domains, ports, grant references, virtual pages in range);
 * a bare NAME is a value of the other side's type ({@code l1}, {@code none}, {@code interdomain},
 * {@code d2}, {@code true}). Errors give the column.
 */
public final class PredicateParser {
    /** The grammar, as {@code docs/check-files.md} prints it (a test keeps the two equal). */
    public static final String GRAMMAR = String.join("\n",
            "predicate  = conjunct { \"or\" conjunct }",
            "conjunct   = negation { \"and\" negation }",
            "negation   = \"not\" negation | \"(\" predicate \")\" | condition",
            "condition  = term [ operator term ]          (a lone term must be true/false-valued)",
            "operator   = \"=\" | \"!=\" | \"<\" | \"<=\" | \">\" | \">=\"  (< <= > >= on numbers only)",
            "term       = ATOM \"(\" literal { \",\" literal } \")\" | NUMBER | NAME",
            "literal    = NUMBER | NAME | VA",
            "NUMBER     = ASCII digits",
            "NAME       = ASCII letter { ASCII letter | digit | \"_\" }",
            "VA         = NUMBER { \".\" NUMBER }                (one index per level, top level first)");

    private final Config config;
    private final List<Token> tokens;
    private int at;

    private PredicateParser(Config config, List<Token> tokens) {
        this.config = config;
        this.tokens = tokens;
    }

    public static Predicate parse(String text, Config config) throws PredicateSyntaxException {
        PredicateParser p = new PredicateParser(config, Lexer.tokens(text));
        if (p.peek().kind() == Token.Kind.END) throw new PredicateSyntaxException(1, "empty predicate");
        Predicate out = p.disjunction();
        Token end = p.peek();
        if (end.kind() != Token.Kind.END) throw new PredicateSyntaxException(end.column(), "expected 'and', 'or' or the end, found " + end.describe());
        return out;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token take() {
        Token t = tokens.get(at);
        if (t.kind() != Token.Kind.END) at++;
        return t;
    }

    private Token expect(Token.Kind kind, String what) throws PredicateSyntaxException {
        Token t = take();
        if (t.kind() != kind) throw new PredicateSyntaxException(t.column(), "expected " + what + ", found " + t.describe());
        return t;
    }

    private Predicate disjunction() throws PredicateSyntaxException {
        Predicate p = conjunction();
        while (peek().isWord("or")) {
            take();
            p = p.or(conjunction());
        }
        return p;
    }

    private Predicate conjunction() throws PredicateSyntaxException {
        Predicate p = negation();
        while (peek().isWord("and")) {
            take();
            p = p.and(negation());
        }
        return p;
    }

    private Predicate negation() throws PredicateSyntaxException {
        if (peek().isWord("not")) {
            take();
            return negation().negate();
        }
        if (peek().kind() == Token.Kind.LEFT) {
            take();
            Predicate p = disjunction();
            expect(Token.Kind.RIGHT, "')'");
            return p;
        }
        return condition();
    }

    /** A term, then either a comparison with another term, or nothing (the term is then true/false-valued). */
    private Predicate condition() throws PredicateSyntaxException {
        Token first = peek();
        Optional<Term> left = term();
        if (peek().kind() != Token.Kind.OPERATOR) {
            Term t = left.orElseGet(() -> null);
            if (t == null) t = symbol(first, Type.BOOLEAN);
            if (t.type() != Type.BOOLEAN) {
                throw new PredicateSyntaxException(first.column(), "'" + first.text() + "' is a " + t.type().noun() + ", not true or false: compare it (=, !=, <, <=, >, >=)");
            }
            Term b = t;
            return f -> b.value(f) != 0;
        }
        Token opToken = take();
        Operator op = Operator.of(opToken.text());
        Token second = peek();
        Optional<Term> right = term();
        if (left.isEmpty() && right.isEmpty()) {
            throw new PredicateSyntaxException(first.column(), "a comparison needs an atom on one side, such as owner(3) or count(3)");
        }
        Term a = left.isPresent() ? left.get() : symbol(first, right.get().type());
        Term b = right.isPresent() ? right.get() : symbol(second, a.type());
        if (a.type() != b.type()) {
            throw new PredicateSyntaxException(second.column(), "cannot compare a " + a.type().noun() + " with a " + b.type().noun());
        }
        if (op.ordered() && a.type() != Type.NUMBER) {
            throw new PredicateSyntaxException(opToken.column(), "'" + op.symbol + "' orders numbers only; a " + a.type().noun() + " takes = or !=");
        }
        return Predicate.compare(a, op, b);
    }

    /** An atom application or a number; empty for a bare name, whose type the other side decides. */
    private Optional<Term> term() throws PredicateSyntaxException {
        Token t = take();
        if (t.kind() == Token.Kind.NUMBER) return Optional.of(Term.constant(Type.NUMBER, Param.number(t)));
        if (t.kind() != Token.Kind.WORD || t.isWord("and") || t.isWord("or") || t.isWord("not")) {
            throw new PredicateSyntaxException(t.column(), "expected an atom, a number or a value, found " + t.describe());
        }
        if (peek().kind() != Token.Kind.LEFT) return Optional.empty();
        Atom atom = Atoms.named(t.text()).orElseThrow(() -> new PredicateSyntaxException(t.column(), "unknown atom '" + t.text() + "' ("
                + String.join(", ", Atoms.ALL.stream().map(Atom::signature).toList()) + ")"));
        take();
        long[] args = new long[atom.params().size()];
        for (int i = 0; i < args.length; i++) {
            if (i > 0) expect(Token.Kind.COMMA, "',' (" + atom.signature() + " takes " + args.length + " arguments)");
            args[i] = atom.params().get(i).read(take(), config);
        }
        expect(Token.Kind.RIGHT, "')' (" + atom.signature() + " takes " + args.length + " argument" + (args.length == 1 ? "" : "s") + ")");
        return Optional.of(Term.apply(atom, args));
    }

    private Term symbol(Token t, Type type) throws PredicateSyntaxException {
        if (t.kind() != Token.Kind.WORD) throw new PredicateSyntaxException(t.column(), "expected a " + type.noun() + ", found " + t.describe());
        OptionalLong v = type.value(config, t.text());
        if (v.isEmpty()) {
            String known = type.vocabulary(config);
            throw new PredicateSyntaxException(t.column(), "'" + t.text() + "' is not a " + type.noun() + (known.isEmpty() ? "" : " (" + known + ")"));
        }
        return Term.constant(type, v.getAsLong());
    }

}
