package pvspec.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import pvspec.model.invariant.Invariants;
import pvspec.model.invariant.Violation;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * Reads a checking configuration: a trace (the scenario) whose {@code #!} comment lines are
 * directives:
 * <pre>
 * #! depth N               the default depth bound
 * #! states N              the default bound on distinct states
 * #! let NAME = V V ...    argument domain NAME: values in trace syntax, A..B a range of
 *                          numbers, "" the empty value; values may use {OTHER} placeholders
 * #! request TEMPLATE      a request line with {NAME} placeholders, expanded over the domains
 * #! requests default      the built-in templates too (the default when no request is given)
 * </pre>
 * The scenario must run on the model with its expected results and every invariant after every
 * step. Every error names the file, line and column.
 */
final class CheckConfigParser {
    private CheckConfigParser() {}

    static CheckConfig parse(String source, String text) throws CheckConfigException {
        Trace scenario;
        try {
            scenario = Trace.parse(source, text);
        } catch (TraceSyntaxException e) {
            throw new CheckConfigException(source, e.line(), e.column(), e.problem());
        }
        ArgumentDomains domains = ArgumentDomains.defaults(scenario.config());
        List<RequestSpace.Template> templates = new ArrayList<>();
        boolean defaults = false;
        OptionalInt depth = OptionalInt.empty();
        OptionalLong states = OptionalLong.empty();
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
                    depth = OptionalInt.of((int) number(rest, source, n, restCol, Integer.MAX_VALUE));
                    break;
                case "states":
                    states = OptionalLong.of(number(rest, source, n, restCol, Long.MAX_VALUE));
                    break;
                case "let":
                    domains = let(domains, rest, source, n, restCol);
                    break;
                case "request":
                    if (rest.isEmpty()) throw new CheckConfigException(source, n, restCol, "expected a request template after 'request'");
                    templates.add(new RequestSpace.Template(rest, n, restCol));
                    break;
                case "requests":
                    if (!rest.equals("default")) throw new CheckConfigException(source, n, restCol, "expected 'requests default'");
                    defaults = true;
                    break;
                default:
                    throw new CheckConfigException(source, n, col, "unknown directive '" + key + "' (depth, states, let, request, requests)");
            }
        }
        if (templates.isEmpty() || defaults) templates.addAll(0, RequestSpace.defaultTemplates());
        RequestSpace space = RequestSpace.expand(scenario.config(), domains, templates, source);
        runScenario(source, scenario);
        String name = source.replaceAll(".*[/\\\\]", "").replaceAll("\\.check$", "");
        return new CheckConfig(name, scenario, space, domains, depth, states);
    }

    private static ArgumentDomains let(ArgumentDomains d, String rest, String source, int line, int col) throws CheckConfigException {
        int eq = rest.indexOf('=');
        if (eq <= 0) throw new CheckConfigException(source, line, col, "expected 'let NAME = VALUES'");
        String name = rest.substring(0, eq).strip();
        if (!name.matches("[a-z_][a-z0-9_]*")) throw new CheckConfigException(source, line, col, "a domain name is lower case letters, digits and '_': '" + name + "'");
        List<String> values = new ArrayList<>();
        for (String v : rest.substring(eq + 1).strip().split("\\s+")) {
            if (v.isEmpty()) continue;
            if (v.equals("\"\"")) {
                values.add("");
            } else if (v.matches("-?\\d+\\.\\.-?\\d+")) {
                String[] ab = v.split("\\.\\.");
                long a = Long.parseLong(ab[0]);
                long b = Long.parseLong(ab[1]);
                if (b < a || b - a > 4096) throw new CheckConfigException(source, line, col + rest.indexOf(v), "bad range '" + v + "'");
                for (long x = a; x <= b; x++) values.add(Long.toString(x));
            } else {
                values.add(v);
            }
        }
        if (values.isEmpty()) throw new CheckConfigException(source, line, col + eq + 1, "domain '" + name + "' has no values");
        return d.with(name, values);
    }

    private static long number(String s, String source, int line, int col, long max) throws CheckConfigException {
        try {
            long v = Long.parseLong(s.replace("_", ""));
            if (v < 0 || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new CheckConfigException(source, line, col, "expected a non-negative number, found '" + s + "'");
        }
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
