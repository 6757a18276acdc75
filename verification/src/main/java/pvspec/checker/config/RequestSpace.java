package pvspec.checker.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.state.Config;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TracePrinter;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;

/**
 * The search's alphabet: every request obtained by expanding each template's placeholders over
 * their argument domains (a full product), parsed by the model's own trace parser so that a
 * template means exactly what the same line means in a trace.
 *
 * <p>Requests are ordered by caller (domain, then vCPU, then mode), then by template; duplicates
 * keep their first position. The order is the one the partial-order reduction sorts by.
 */
public final class RequestSpace {
    /** A template as written: its text and where ({@code line}, {@code column} of the text). */
    public record Template(String text, int line, int column) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_][a-z0-9_]*)\\}");

    /**
     * The most requests a space may have. Every explored state runs every request, so a larger
     * space could not even finish one level worth checking (and its parsed requests alone would
     * take gigabytes); the search also numbers requests in 24 bits.
     */
    public static final int MAX_REQUESTS = 1 << 20;

    private final List<Request> requests;
    private final List<Template> templates;
    private final int[] templateOf;

    private RequestSpace(List<Request> requests, List<Template> templates, int[] templateOf) {
        this.requests = List.copyOf(requests);
        this.templates = List.copyOf(templates);
        this.templateOf = templateOf;
    }

    /** The templates the space was expanded from. */
    public List<Template> templates() {
        return templates;
    }

    /** The index in {@link #templates()} of the (first) template that produced request {@code id}. */
    public int templateOf(int id) {
        return templateOf[id];
    }

    public List<Request> all() {
        return requests;
    }

    public int size() {
        return requests.size();
    }

    public Request get(int id) {
        return requests.get(id);
    }

    /** The built-in templates, as though written on no particular line. */
    public static List<Template> defaultTemplates() {
        List<Template> out = new ArrayList<>();
        for (String t : RequestTemplates.DEFAULT) out.add(new Template(t, 0, 1));
        return out;
    }

    public static RequestSpace expand(Config c, ArgumentDomains domains, List<Template> templates, String source)
            throws CheckConfigException {
        checkSize(domains, templates, source);
        Map<String, List<String>> resolved = new HashMap<>();
        List<String> lines = new ArrayList<>();
        List<Template> origin = new ArrayList<>();
        for (Template t : templates) {
            for (String line : expand(t.text(), domains, resolved, new HashSet<>(), source, t)) {
                lines.add(line);
                origin.add(t);
            }
        }
        StringBuilder text = new StringBuilder(TracePrinter.config(c)).append('\n');
        for (String l : lines) text.append(l).append('\n');
        Trace parsed;
        try {
            parsed = Trace.parse(source, text.toString());
        } catch (TraceSyntaxException e) {
            int i = e.line() - 2;
            Template t = i >= 0 && i < origin.size() ? origin.get(i) : templates.get(0);
            String expanded = i >= 0 && i < lines.size() ? lines.get(i) : "";
            throw new CheckConfigException(source, t.line(), t.column(),
                    "request template expands to '" + expanded + "', which is not a request: " + e.problem());
        }
        Map<Key, String> kinds = new LinkedHashMap<>();
        Map<Key, Template> from = new HashMap<>();
        for (TraceStep s : parsed.steps()) {
            Template t = origin.get(s.line() - 2);
            if (s.expect().isPresent()) {
                throw new CheckConfigException(source, t.line(), t.column(), "a request template has no expected result ('->')");
            }
            Key k = new Key(s.caller(), s.call());
            kinds.putIfAbsent(k, Kinds.of(s.call()));
            from.putIfAbsent(k, t);
        }
        List<Key> keys = new ArrayList<>(kinds.keySet());
        keys.sort(Comparator.comparingInt((Key k) -> k.caller.domain()).thenComparingInt(k -> k.caller.vcpu())
                .thenComparingInt(k -> k.caller.mode().ordinal()));
        List<Request> out = new ArrayList<>();
        int[] templateOf = new int[keys.size()];
        for (Key k : keys) {
            templateOf[out.size()] = templates.indexOf(from.get(k));
            out.add(new Request(out.size(), k.caller, k.call, kinds.get(k)));
        }
        return new RequestSpace(out, templates, templateOf);
    }

    /** Refuses, before expanding anything, templates whose product exceeds {@link #MAX_REQUESTS}. */
    private static void checkSize(ArgumentDomains domains, List<Template> templates, String source) throws CheckConfigException {
        Map<String, Long> sizes = new HashMap<>();
        long total = 0;
        for (Template t : templates) {
            long n = count(t.text(), domains, sizes, new HashSet<>(), source, t);
            total = Math.min(Long.MAX_VALUE / 2, total + n);
            if (total > MAX_REQUESTS) {
                throw new CheckConfigException(source, t.line(), t.column(), String.format("the request templates expand to more than %,d requests "
                        + "(this one alone to %s): every explored state runs every request, so such a search could not finish; "
                        + "narrow the argument domains with '#! let'", MAX_REQUESTS, n >= Long.MAX_VALUE / 2 ? "more than 10^18" : String.format("%,d", n)));
            }
        }
    }

    /** How many lines {@link #expand} would make of {@code text}, saturating instead of overflowing. */
    private static long count(String text, ArgumentDomains domains, Map<String, Long> sizes, Set<String> active, String source, Template t)
            throws CheckConfigException {
        long n = 1;
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            Long size = sizes.get(name);
            if (size == null) {
                if (!domains.has(name)) throw new CheckConfigException(source, t.line(), t.column(), "no argument domain '" + name + "'");
                if (!active.add(name)) throw new CheckConfigException(source, t.line(), t.column(), "argument domain '" + name + "' refers to itself");
                long sum = 0;
                for (String v : domains.raw(name)) sum = Math.min(Long.MAX_VALUE / 2, sum + count(v, domains, sizes, active, source, t));
                active.remove(name);
                sizes.put(name, sum);
                size = sum;
            }
            n = size == 0 ? 0 : Math.min(Long.MAX_VALUE / 2, n > (Long.MAX_VALUE / 2) / size ? Long.MAX_VALUE / 2 : n * size);
        }
        return n;
    }

    private record Key(Caller caller, Hypercall call) {}

    /** Every way of filling the placeholders of {@code text}, left to right. */
    private static List<String> expand(String text, ArgumentDomains domains, Map<String, List<String>> resolved,
                                       Set<String> active, String source, Template t) throws CheckConfigException {
        Matcher m = PLACEHOLDER.matcher(text);
        if (!m.find()) return List.of(text);
        List<String> values = resolve(m.group(1), domains, resolved, active, source, t);
        String head = text.substring(0, m.start());
        List<String> tails = expand(text.substring(m.end()), domains, resolved, active, source, t);
        List<String> out = new ArrayList<>(values.size() * tails.size());
        for (String v : values) for (String tail : tails) out.add(head + v + tail);
        return out;
    }

    private static List<String> resolve(String name, ArgumentDomains domains, Map<String, List<String>> resolved,
                                        Set<String> active, String source, Template t) throws CheckConfigException {
        List<String> done = resolved.get(name);
        if (done != null) return done;
        if (!domains.has(name)) throw new CheckConfigException(source, t.line(), t.column(), "no argument domain '" + name + "'");
        if (!active.add(name)) throw new CheckConfigException(source, t.line(), t.column(), "argument domain '" + name + "' refers to itself");
        List<String> out = new ArrayList<>();
        for (String v : domains.raw(name)) out.addAll(expand(v, domains, resolved, active, source, t));
        active.remove(name);
        resolved.put(name, out);
        return out;
    }
}
