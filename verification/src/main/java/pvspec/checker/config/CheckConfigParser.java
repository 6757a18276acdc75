package pvspec.checker.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import pvspec.checker.predicate.Predicate;
import pvspec.checker.predicate.PredicateParser;
import pvspec.checker.predicate.PredicateSyntaxException;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * Reads a checking configuration: a trace (the scenario) whose {@code #!} comment lines are
 * directives ({@link #DIRECTIVES}; {@code docs/check-files.md} is the reference):
 * <pre>
 * #! depth N                    the default depth bound (positive)
 * #! states N                   the default bound on distinct states (positive)
 * #! let NAME = V V ...         argument domain NAME: values in trace syntax, A..B a range of
 *                               numbers, "" the empty value; values may use {OTHER} placeholders
 * #! request TEMPLATE           a request line with {NAME} placeholders, expanded over the domains
 * #! requests default           the built-in templates too (the default when no request is given)
 * #! invariant NAME: PREDICATE  must hold in every explored state
 * #! constraint PREDICATE       states where it is false are checked but not expanded
 * #! reach NAME: PREDICATE      find a shortest trace to a state where it holds
 * </pre>
 * Each of depth, states, requests and each {@code let NAME} may appear once, and names of
 * invariants and reach queries are unique. The scenario must run on the model with its expected
 * results and every invariant after every step. Every error names the file, line and column.
 */
final class CheckConfigParser {
    private CheckConfigParser() {}

    /** Every directive, in the order of the reference. */
    static final List<String> DIRECTIVES = List.of("depth", "states", "let", "request", "requests", "invariant", "constraint", "reach");

    /** The most values one {@code #! let} range may have. */
    static final int MAX_RANGE = 4096;

    /** The most frames a checked configuration may have: every explored state encodes every frame. */
    static final int MAX_FRAMES = 65_536;

    static CheckConfig parse(String source, String text) throws CheckConfigException {
        Trace scenario;
        try {
            scenario = Trace.parse(source, text);
        } catch (TraceSyntaxException e) {
            throw new CheckConfigException(source, e.line(), e.column(), e.problem());
        }
        Config config = scenario.config();
        if (config.frames() > MAX_FRAMES) {
            throw new CheckConfigException(source, configLine(text), 1, String.format("the model checker takes at most %,d frames, this configuration has %,d: "
                    + "every explored state holds (and the visited set encodes) every frame", MAX_FRAMES, config.frames()));
        }
        ArgumentDomains domains = ArgumentDomains.defaults(config);
        List<RequestSpace.Template> templates = new ArrayList<>();
        int defaults = 0;
        OptionalInt depth = OptionalInt.empty();
        OptionalLong states = OptionalLong.empty();
        Map<String, Integer> seen = new HashMap<>();
        List<Invariant> invariants = new ArrayList<>();
        List<NamedPredicate> constraints = new ArrayList<>();
        List<NamedPredicate> reach = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf("#!");
            if (at < 0 || !line.substring(0, at).isBlank()) continue;
            int n = i + 1;
            String body = line.substring(at + 2);
            int col = at + 3 + body.length() - body.stripLeading().length();
            body = body.strip();
            String key = body.split("\\s+", 2)[0];
            String rest = body.length() > key.length() ? body.substring(key.length()).strip() : "";
            int restCol = col + body.indexOf(rest.isEmpty() ? key : rest, key.length());
            switch (key) {
                case "depth":
                    once(seen, "depth", source, n, col);
                    depth = OptionalInt.of((int) positive(rest, source, n, restCol, Integer.MAX_VALUE, "--depth"));
                    break;
                case "states":
                    once(seen, "states", source, n, col);
                    states = OptionalLong.of(positive(rest, source, n, restCol, Long.MAX_VALUE, "--states"));
                    break;
                case "let":
                    domains = let(domains, seen, rest, source, n, restCol);
                    break;
                case "request":
                    if (rest.isEmpty()) throw new CheckConfigException(source, n, restCol, "expected a request template after 'request'");
                    once(seen, "request " + rest, source, n, restCol);
                    templates.add(new RequestSpace.Template(rest, n, restCol));
                    break;
                case "requests":
                    if (!rest.equals("default")) throw new CheckConfigException(source, n, restCol, "expected 'requests default'");
                    once(seen, "requests default", source, n, col);
                    defaults = n;
                    break;
                case "invariant":
                case "reach": {
                    NamedPredicate p = named(key, rest, config, seen, source, n, restCol);
                    if (key.equals("reach")) reach.add(p);
                    else invariants.add(new PredicateInvariant(p));
                    break;
                }
                case "constraint":
                    once(seen, "constraint " + rest, source, n, restCol);
                    constraints.add(new NamedPredicate("constraint@" + n, rest, n, predicate(rest, config, source, n, restCol)));
                    break;
                default:
                    throw new CheckConfigException(source, n, col, "unknown directive '" + key + "' (" + String.join(", ", DIRECTIVES) + ")");
            }
        }
        if (templates.isEmpty() || defaults > 0) {
            int line = defaults > 0 ? defaults : configLine(text);
            List<RequestSpace.Template> builtIn = new ArrayList<>();
            for (RequestSpace.Template t : RequestSpace.defaultTemplates()) builtIn.add(new RequestSpace.Template(t.text(), line, 1));
            templates.addAll(0, builtIn);
        }
        RequestSpace space = RequestSpace.expand(config, domains, templates, source);
        runScenario(source, scenario);
        String name = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.check$", "");
        return new CheckConfig(name, scenario, space, domains, depth, states, new CheckProperties(invariants, constraints, reach));
    }

    /** A directive (or a let of one name, or one template) that may appear once. */
    private static void once(Map<String, Integer> seen, String what, String source, int line, int col) throws CheckConfigException {
        Integer first = seen.putIfAbsent(what, line);
        if (first != null) throw new CheckConfigException(source, line, col, "duplicate '#! " + what + "' (first on line " + first + ")");
    }

    private static NamedPredicate named(String key, String rest, Config config, Map<String, Integer> seen, String source, int line, int col)
            throws CheckConfigException {
        int colon = rest.indexOf(':');
        if (colon <= 0) throw new CheckConfigException(source, line, col, "expected '" + key + " NAME: PREDICATE'");
        String name = rest.substring(0, colon).strip();
        if (!name.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw new CheckConfigException(source, line, col, "a property name is ASCII letters, digits, '_' and '-', starting with a letter: '" + name + "'");
        }
        for (Invariant inv : Invariants.ALL) {
            if (inv.id().equals(name) || inv.name().equals(name)) throw new CheckConfigException(source, line, col, "'" + name + "' is the model's " + inv);
        }
        Integer first = seen.putIfAbsent("property " + name, line);
        if (first != null) throw new CheckConfigException(source, line, col, "duplicate property name '" + name + "' (first on line " + first + ")");
        String text = rest.substring(colon + 1);
        int textCol = col + colon + 1 + text.length() - text.stripLeading().length();
        text = text.strip();
        return new NamedPredicate(name, text, line, predicate(text, config, source, line, textCol));
    }

    private static Predicate predicate(String text, Config config, String source, int line, int col) throws CheckConfigException {
        try {
            return PredicateParser.parse(text, config);
        } catch (PredicateSyntaxException e) {
            throw new CheckConfigException(source, line, col + e.column() - 1, e.problem());
        }
    }

    private static ArgumentDomains let(ArgumentDomains d, Map<String, Integer> seen, String rest, String source, int line, int col)
            throws CheckConfigException {
        int eq = rest.indexOf('=');
        if (eq <= 0) throw new CheckConfigException(source, line, col, "expected 'let NAME = VALUES'");
        String name = rest.substring(0, eq).strip();
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new CheckConfigException(source, line, col, "a domain name is lower case letters, digits and '_': '" + name + "'");
        once(seen, "let " + name, source, line, col);
        List<String> values = new ArrayList<>();
        for (String v : rest.substring(eq + 1).strip().split("\\s+")) {
            if (v.isEmpty()) continue;
            if (v.equals("\"\"")) {
                values.add("");
            } else if (v.matches("-?[0-9]+\\.\\.-?[0-9]+")) {
                range(v, values, source, line, col + rest.indexOf(v));
            } else {
                values.add(v);
            }
        }
        if (values.isEmpty()) throw new CheckConfigException(source, line, col + eq + 1, "domain '" + name + "' has no values");
        return d.with(name, values);
    }

    /** A..B: each bound must be a 64-bit number and the range at most {@link #MAX_RANGE} values (each multiplies the request space). */
    private static void range(String v, List<String> values, String source, int line, int col) throws CheckConfigException {
        String[] ab = v.split("\\.\\.");
        BigInteger a = new BigInteger(ab[0]);
        BigInteger b = new BigInteger(ab[1]);
        for (String bound : ab) {
            if (new BigInteger(bound).bitLength() > 63) throw new CheckConfigException(source, line, col, "'" + bound + "' does not fit a 64-bit number");
        }
        if (b.compareTo(a) < 0) throw new CheckConfigException(source, line, col, "empty range '" + v + "': the first bound is above the last");
        BigInteger size = b.subtract(a).add(BigInteger.ONE);
        if (size.compareTo(BigInteger.valueOf(MAX_RANGE)) > 0) {
            throw new CheckConfigException(source, line, col, String.format("range '%s' has %s values; a range may have at most %,d "
                    + "(each value multiplies the requests every explored state runs)", v, size, MAX_RANGE));
        }
        for (long x = a.longValueExact(); x <= b.longValueExact(); x++) values.add(Long.toString(x));
    }

    private static long positive(String s, String source, int line, int col, long max, String option) throws CheckConfigException {
        if (!s.matches("[0-9][0-9_]*")) throw new CheckConfigException(source, line, col, "expected a positive number (ASCII digits), found '" + s + "'");
        BigInteger v = new BigInteger(s.replace("_", ""));
        if (v.signum() == 0) throw new CheckConfigException(source, line, col, "must be positive, as " + option + " must (found 0)");
        if (v.compareTo(BigInteger.valueOf(max)) > 0) throw new CheckConfigException(source, line, col, "at most " + max + ", found " + s);
        return v.longValueExact();
    }

    /** The line of the {@code config} line, where errors about the whole configuration point. */
    private static int configLine(String text) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].strip().startsWith("config")) return i + 1;
        return 1;
    }

    /** The scenario must reach its expected results and keep every invariant, on the model. */
    private static void runScenario(String source, Trace scenario) throws CheckConfigException {
        State s = State.initial(scenario.config());
        for (TraceStep step : scenario.steps()) {
            Outcome o = Step.step(s, step.caller(), step.call());
            if (step.expect().isPresent() && !step.expect().get().matches(o.result())) {
                throw new CheckConfigException(source, step.line(), 1, "the scenario expects " + step.expect().get() + " but the model returns "
                        + o.result() + " for '" + TracePrinter.step(scenario.config(), step.caller(), step.call(), Optional.empty()) + "'");
            }
            List<Violation> v = Invariants.checkStep(s, step.caller(), step.call(), o.result(), o.state());
            if (!v.isEmpty()) throw new CheckConfigException(source, step.line(), 1, "the scenario breaks " + v.get(0));
            s = o.state();
        }
    }
}
