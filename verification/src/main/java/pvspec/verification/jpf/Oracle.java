package pvspec.verification.jpf;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;
import pvspec.model.abi.Result;

/**
 * What the model allows, as plain data a harness can consult inside Java PathFinder: per
 * scenario, the fingerprint of the state after its setup, and per choice vector the fingerprints
 * of every outcome (each thread's results and the final state) that some sequential order of the
 * same requests produces on the model ({@link OracleBuilder} computes them on the JVM).
 *
 * <p>Outcomes are compared by a 64-bit FNV-1a fingerprint of their canonical text
 * ({@link #outcome}, {@link StateDigest}), which keeps the oracle small in JPF's heap (JPF
 * stores the heap in every state). The text itself is printed when a check fails.
 */
public final class Oracle {
    final Map<String, Long> setups = new HashMap<>();
    final Map<String, long[][]> allowed = new HashMap<>();

    /** The canonical text of an outcome: every thread's results in program order, then the final state. */
    public static String outcome(Result[][] results, String finalState) {
        StringBuilder b = new StringBuilder();
        for (int t = 0; t < results.length; t++) {
            b.append('t').append(t).append('=');
            for (int k = 0; k < results[t].length; k++) b.append(k == 0 ? "" : ",").append(results[t][k] == null ? "none" : StateDigest.result(results[t][k]));
            b.append(' ');
        }
        return b.append("| ").append(finalState).toString();
    }

    /** The canonical text of a setup: its results, then the state it built. */
    public static String setup(Result[] results, String state) {
        StringBuilder b = new StringBuilder("setup=");
        for (int i = 0; i < results.length; i++) b.append(i == 0 ? "" : ",").append(StateDigest.result(results[i]));
        return b.append(" | ").append(state).toString();
    }

    /** 64-bit FNV-1a over the characters. */
    public static long fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public boolean knows(String scenario) {
        return allowed.containsKey(scenario);
    }

    /** Whether the setup of {@code scenario} built the state the model's setup built. */
    public boolean setupMatches(String scenario, long fingerprint) {
        Long f = setups.get(scenario);
        return f != null && f.longValue() == fingerprint;
    }

    public boolean allows(String scenario, int vector, long fingerprint) {
        long[][] a = allowed.get(scenario);
        if (a == null || vector < 0 || vector >= a.length) return false;
        for (long f : a[vector]) if (f == fingerprint) return true;
        return false;
    }

    /** How many sequential outcomes the model allows for this vector. */
    public int allowedCount(String scenario, int vector) {
        long[][] a = allowed.get(scenario);
        return a == null || vector < 0 || vector >= a.length ? 0 : a[vector].length;
    }

    // ------------------------------------------------------------ file form (read inside JPF: plain java.io only)

    /**
     * Lines: {@code scenario NAME VECTORS SETUP_FP}, then one line per vector:
     * {@code VECTOR FP FP ...}. Fingerprints in signed decimal.
     */
    public void write(Writer w) throws IOException {
        for (Map.Entry<String, long[][]> e : allowed.entrySet()) {
            long[][] a = e.getValue();
            w.write("scenario " + e.getKey() + " " + a.length + " " + setups.get(e.getKey()) + "\n");
            for (int v = 0; v < a.length; v++) {
                StringBuilder b = new StringBuilder().append(v);
                for (long f : a[v]) b.append(' ').append(f);
                w.write(b.append('\n').toString());
            }
        }
    }

    /** Reads an oracle (inside JPF too: its {@code InputStreamReader} takes a charset name, not a {@code Charset}). */
    public static Oracle read(String path) throws IOException {
        Oracle o = new Oracle();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new FileInputStream(path), "UTF-8"))) {
            String line;
            String name = null;
            long[][] a = null;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) continue;
                String[] f = fields(line);
                if (f[0].equals("scenario")) {
                    name = f[1];
                    a = new long[Integer.parseInt(f[2])][];
                    o.setups.put(name, Long.valueOf(Long.parseLong(f[3])));
                    o.allowed.put(name, a);
                } else {
                    if (a == null) throw new IOException(path + ": vector line before any scenario line");
                    long[] fps = new long[f.length - 1];
                    for (int i = 1; i < f.length; i++) fps[i - 1] = Long.parseLong(f[i]);
                    a[Integer.parseInt(f[0])] = fps;
                }
            }
        }
        return o;
    }

    /** Space-separated fields (without regular expressions, which JPF runs slowly). */
    private static String[] fields(String line) {
        int n = 1;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == ' ') n++;
        String[] out = new String[n];
        int start = 0;
        int k = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == ' ') {
                out[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        return out;
    }
}
