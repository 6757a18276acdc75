package pvspec.checker.predicate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import pvspec.model.abi.DomId;
import pvspec.model.state.Config;
import pvspec.model.state.PageType;

/**
 * What an atom's value is, and the names that stand for values of it. Every value is a
 * {@code long}: a number, a domain id, a {@link PageType} ordinal, a port-state index, or 0/1.
 * A bare name in a comparison ({@code type(3) = l1}) is read in the vocabulary of the other side.
 */
public enum Type {
    BOOLEAN, NUMBER, DOMAIN, PAGE_TYPE, PORT_STATE;

    /** The port states {@code port(D, P)} returns, by index; {@code none}: no such domain or port. */
    static final List<String> PORT_STATES = List.of("free", "reserved", "unbound", "interdomain", "virq", "ipi");
    static final long NO_PORT = -1;

    /** The names of this type's values in a configuration (empty for numbers). */
    public Map<String, Long> names(Config c) {
        Map<String, Long> m = new LinkedHashMap<>();
        switch (this) {
            case BOOLEAN:
                m.put("false", 0L);
                m.put("true", 1L);
                break;
            case DOMAIN:
                for (int d = 0; d < c.domains(); d++) m.put(domainName(d), (long) d);
                m.put("xen", (long) DomId.DOMID_XEN);
                m.put("none", (long) DomId.DOMID_INVALID);
                break;
            case PAGE_TYPE:
                for (PageType t : PageType.values()) m.put(t.name().toLowerCase(), (long) t.ordinal());
                break;
            case PORT_STATE:
                for (int i = 0; i < PORT_STATES.size(); i++) m.put(PORT_STATES.get(i), (long) i);
                m.put("none", NO_PORT);
                break;
            default:
                break;
        }
        return m;
    }

    OptionalLong value(Config c, String name) {
        Long v = names(c).get(name);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /** The names, for an error message. */
    String vocabulary(Config c) {
        return String.join(", ", new ArrayList<>(names(c).keySet()));
    }

    /** What the reference and the error messages call it. */
    public String noun() {
        switch (this) {
            case BOOLEAN: return "truth value";
            case NUMBER: return "number";
            case DOMAIN: return "domain";
            case PAGE_TYPE: return "page type";
            default: return "port state";
        }
    }

    static String domainName(int d) {
        return d == 0 ? "dom0" : "d" + d;
    }

    /** How a value prints in a report. */
    String show(Config c, long v) {
        for (Map.Entry<String, Long> e : names(c).entrySet()) if (e.getValue() == v) return e.getKey();
        return Long.toString(v);
    }
}
