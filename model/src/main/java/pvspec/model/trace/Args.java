package pvspec.model.trace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;

/**
 * The {@code key=value} arguments of one request, with their columns, read by type. Every
 * argument must be used exactly once, so misspelt keys are reported.
 */
final class Args {
    private final Map<String, Tokens.Word> values = new LinkedHashMap<>();
    private final TraceParser p;
    private final Config config;
    private final int endColumn;

    Args(TraceParser p, Config config, List<Tokens.Word> words, int endColumn) throws TraceSyntaxException {
        this.p = p;
        this.config = config;
        this.endColumn = endColumn;
        for (Tokens.Word w : words) {
            int eq = w.text().indexOf('=');
            if (eq <= 0) throw p.error(w.column(), "expected key=value, found '" + w.text() + "'");
            String key = w.text().substring(0, eq);
            if (values.containsKey(key)) throw p.error(w.column(), "argument '" + key + "' given twice");
            values.put(key, new Tokens.Word(w.text().substring(eq + 1), w.column() + eq + 1));
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Tokens.Word word(String key) throws TraceSyntaxException {
        Tokens.Word w = values.remove(key);
        if (w == null) throw p.error(endColumn, "missing argument '" + key + "='");
        return w;
    }

    /** Reports the first argument nobody asked for. */
    void done() throws TraceSyntaxException {
        for (Map.Entry<String, Tokens.Word> e : values.entrySet()) {
            throw p.error(e.getValue().column() - e.getKey().length() - 1, "unknown argument '" + e.getKey() + "'");
        }
    }

    long num(String key) throws TraceSyntaxException {
        return number(word(key));
    }

    int integer(String key) throws TraceSyntaxException {
        return p.integer(word(key));
    }

    /** A domain id: a number or {@code self}. */
    int domid(String key) throws TraceSyntaxException {
        Tokens.Word w = values.get(key);
        if (w != null && w.text().equals("self")) {
            values.remove(key);
            return DomId.DOMID_SELF;
        }
        return integer(key);
    }

    boolean bool(String key) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        if (w.text().equals("true")) return true;
        if (w.text().equals("false")) return false;
        throw p.error(w.column(), "expected true or false, found '" + w.text() + "'");
    }

    long va(String key) throws TraceSyntaxException {
        return va(word(key));
    }

    /** A virtual page: dotted indices, top level first ({@code 1.2}), or a number. */
    long va(Tokens.Word w) throws TraceSyntaxException {
        if (!w.text().contains(".")) return number(w);
        String[] parts = w.text().split("\\.", -1);
        if (parts.length != config.levels()) throw p.error(w.column(), "a dotted address has " + config.levels() + " indices, found '" + w.text() + "'");
        long v = 0;
        int col = w.column();
        for (String part : parts) {
            long i = number(new Tokens.Word(part, col));
            if (i < 0 || i >= config.entries()) throw p.error(col, "index " + part + " is not 0 to " + (config.entries() - 1));
            v = v * config.entries() + i;
            col += part.length() + 1;
        }
        return v;
    }

    /**
     * A linear address (a guest buffer Xen writes): a virtual page as {@link #va}, optionally
     * {@code +BYTES} into it (0 to 4095); the page times 4096 plus the bytes.
     */
    long linear(String key) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        String t = w.text();
        int plus = t.indexOf('+');
        long page = va(plus < 0 ? w : new Tokens.Word(t.substring(0, plus), w.column()));
        long bytes = plus < 0 ? 0 : number(new Tokens.Word(t.substring(plus + 1), w.column() + plus + 1));
        if (bytes < 0 || bytes >= 4096) throw p.error(w.column() + plus + 1, "the bytes into the page are 0 to 4095: '" + t + "'");
        return page << 12 | bytes;
    }

    /**
     * A grant host or device address: an entry's machine address {@code MFN[INDEX]} (the frame
     * times 4096 plus 8 bytes an entry), optionally {@code +BYTES} more, or a virtual page as
     * {@link #va}.
     */
    long address(String key) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        String t = w.text();
        int open = t.indexOf('[');
        if (open < 0) return va(w);
        int close = t.indexOf(']', open);
        if (close < 0) throw p.error(w.column(), "expected MFN[INDEX], found '" + t + "'");
        long mfn = number(new Tokens.Word(t.substring(0, open), w.column()));
        long index = number(new Tokens.Word(t.substring(open + 1, close), w.column() + open + 1));
        long plus = 0;
        if (close + 1 < t.length()) {
            if (t.charAt(close + 1) != '+') throw p.error(w.column() + close + 1, "expected +BYTES after ']'");
            plus = number(new Tokens.Word(t.substring(close + 2), w.column() + close + 2));
        }
        if (mfn < 0 || mfn > Pte.MAX_MFN || index < 0 || index >= 512 || plus < 0 || plus >= 8) {
            throw p.error(w.column(), "an entry address needs a frame, an index 0 to 511 and +0 to +7 bytes: '" + t + "'");
        }
        return mfn << 12 | index << 3 | plus;
    }

    long pte(String key) throws TraceSyntaxException {
        return pte(word(key));
    }

    /** A page-table entry: {@code 0}, {@code none}, raw hex, or {@code mfn:FLAG|FLAG}. */
    long pte(Tokens.Word w) throws TraceSyntaxException {
        String t = w.text();
        if (t.equals("none")) return Pte.NONE;
        int colon = t.indexOf(':');
        if (colon < 0) return number(w);
        long mfn = number(new Tokens.Word(t.substring(0, colon), w.column()));
        if (mfn < 0 || mfn > Pte.MAX_MFN) throw p.error(w.column(), "frame number does not fit an entry: " + t.substring(0, colon));
        long flags = 0;
        int col = w.column() + colon + 1;
        for (String f : t.substring(colon + 1).split("\\|", -1)) {
            flags |= flag(new Tokens.Word(f, col));
            col += f.length() + 1;
        }
        return Pte.of(mfn, flags);
    }

    private long flag(Tokens.Word w) throws TraceSyntaxException {
        if (w.text().startsWith("0x")) {
            long bits = number(w);
            if ((bits & Pte.MFN_MASK) != 0) throw p.error(w.column(), "extra flag bits overlap the frame number: " + w.text());
            return bits;
        }
        for (PteFlag f : PteFlag.values()) if (f.name().equals(w.text())) return f.mask();
        throw p.error(w.column(), "unknown PTE flag '" + w.text() + "' (P, RW, US, A, D, PSE, G, AVAIL, NX, GNTTAB or 0x bits)");
    }

    /** A {@code |}-joined set of named bits, or a number. */
    long bits(String key, Map<String, Long> names) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        if (w.text().isEmpty()) throw p.error(w.column(), "expected a value");
        char first = w.text().charAt(0);
        if (first >= '0' && first <= '9' || first == '-') return number(w);
        long v = 0;
        int col = w.column();
        for (String n : w.text().split("\\|", -1)) {
            Long b = names.get(n);
            if (b == null) throw p.error(col, "unknown flag '" + n + "' (one of " + String.join(", ", names.keySet()) + ")");
            v |= b;
            col += n.length() + 1;
        }
        return v;
    }

    /** One name of {@code names}, or a number. */
    long named(String key, Map<String, Long> names) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        Long v = names.get(w.text());
        if (v != null) return v;
        if (w.text().isEmpty() || !(Character.isDigit(w.text().charAt(0)) || w.text().charAt(0) == '-')) {
            throw p.error(w.column(), "unknown name '" + w.text() + "' (one of " + String.join(", ", names.keySet()) + ", or a number)");
        }
        return number(w);
    }

    /** A comma-separated list of numbers (possibly empty). */
    List<Long> numbers(String key) throws TraceSyntaxException {
        Tokens.Word w = word(key);
        java.util.ArrayList<Long> out = new java.util.ArrayList<>();
        if (w.text().isEmpty()) return out;
        int col = w.column();
        for (String n : w.text().split(",", -1)) {
            out.add(number(new Tokens.Word(n, col)));
            col += n.length() + 1;
        }
        return out;
    }

    long number(Tokens.Word w) throws TraceSyntaxException {
        return p.number(w);
    }
}
