package pvspec.verification.jpf;

import java.util.Objects;

/**
 * How a concurrency check ended, as one exact property: it passed; the final state broke an
 * invariant (which clause: {@code INV-6}); an outcome was not linearizable; a data race (at which
 * location); a deadlock; or something else. A seeded job states the verdict it must reach
 * ({@link #parse}) and fails on any other, so a bug found by the wrong property (a seeded race
 * that now breaks INV-6 instead of linearizability) shows.
 *
 * <p>{@link #of} reads the verdict from the text of an error: JPF's error (its property's name and
 * details) or the {@link AssertionError} the harness throws (the same text without JPF). Lincheck
 * runs map onto the same kinds.
 */
public final class Verdict {
    public enum Kind {
        PASS("pass"), INVARIANT("invariant"), NOT_LINEARIZABLE("not-linearizable"), RACE("race"), DEADLOCK("deadlock"), OTHER("other");

        final String spelling;

        Kind(String spelling) {
            this.spelling = spelling;
        }
    }

    /** What the harness's message says after "vector N: " when an outcome is no sequential order's. */
    public static final String NOT_LINEARIZABLE_TEXT = "not linearizable";
    /** How {@code RaceClassifier} begins its error message. */
    public static final String RACE_TEXT = "race on ";
    /** JPF's deadlock property. */
    public static final String DEADLOCK_PROPERTY = "NotDeadlockedProperty";

    public final Kind kind;
    /** The invariant ({@code INV-6}) or the race location ({@code Dom.grantFlags[0]}); for OTHER, the first line of the text; else empty. */
    public final String detail;

    public Verdict(Kind kind, String detail) {
        this.kind = kind;
        this.detail = detail == null ? "" : detail;
    }

    public static Verdict pass() {
        return new Verdict(Kind.PASS, "");
    }

    /** The verdict an error's text states (JPF's property name and details, or the harness's message). */
    public static Verdict of(String text) {
        if (text.contains(DEADLOCK_PROPERTY)) return new Verdict(Kind.DEADLOCK, "");
        int race = text.indexOf(RACE_TEXT);
        if (race >= 0) {
            int end = text.indexOf(':', race);
            return new Verdict(Kind.RACE, text.substring(race + RACE_TEXT.length(), end < 0 ? text.length() : end));
        }
        // The harness: "scenario NAME vector N: INV-k: ..." or "scenario NAME vector N: not linearizable: ...".
        int vector = text.indexOf(" vector ");
        int colon = vector < 0 ? -1 : text.indexOf(": ", vector);
        if (vector >= 0 && text.lastIndexOf("scenario ", vector) >= 0 && colon >= 0) {
            String rest = text.substring(colon + 2);
            if (rest.startsWith(NOT_LINEARIZABLE_TEXT + ":")) return new Verdict(Kind.NOT_LINEARIZABLE, "");
            int end = rest.indexOf(':');
            if (rest.startsWith("INV-") && end > 0) return new Verdict(Kind.INVARIANT, rest.substring(0, end));
        }
        int nl = text.indexOf('\n');
        return new Verdict(Kind.OTHER, nl < 0 ? text : text.substring(0, nl));
    }

    /**
     * An expected verdict as written in the profile: {@code pass}, {@code invariant:INV-n},
     * {@code not-linearizable}, {@code race:LOCATION} or {@code deadlock}.
     */
    public static Verdict parse(String spec) {
        int colon = spec.indexOf(':');
        String kind = colon < 0 ? spec : spec.substring(0, colon);
        String detail = colon < 0 ? "" : spec.substring(colon + 1);
        for (Kind k : Kind.values()) {
            if (k == Kind.OTHER || !k.spelling.equals(kind)) continue;
            boolean needsDetail = k == Kind.INVARIANT || k == Kind.RACE;
            if (needsDetail == detail.isEmpty()) break;
            if (k == Kind.INVARIANT && !detail.matches("INV-[0-9]+")) break;
            return new Verdict(k, detail);
        }
        throw new IllegalArgumentException("expected pass, invariant:INV-n, not-linearizable, race:LOCATION or deadlock, got " + spec);
    }

    /**
     * Whether this (found) verdict is the {@code expected} one: the same kind and the same
     * invariant; a race at the expected location (an element of the expected array, when the
     * expectation names the array without an index).
     */
    public boolean satisfies(Verdict expected) {
        if (kind != expected.kind) return false;
        if (kind == Kind.RACE) return detail.equals(expected.detail) || detail.startsWith(expected.detail + "[");
        return detail.equals(expected.detail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict && ((Verdict) o).kind == kind && ((Verdict) o).detail.equals(detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, detail);
    }

    /** As {@link #parse} reads it. */
    @Override
    public String toString() {
        return detail.isEmpty() || kind == Kind.OTHER ? kind.spelling + (detail.isEmpty() ? "" : " (" + detail + ")") : kind.spelling + ":" + detail;
    }
}
