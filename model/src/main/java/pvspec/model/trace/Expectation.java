package pvspec.model.trace;

import pvspec.model.abi.Result;

/**
 * The result a trace line expects ({@code -> R}): {@code any}, or a result as the trace prints
 * it ({@code OK}, {@code 3}, {@code EINVAL}, {@code EINVAL done=1}, {@code GNTST_bad_handle},
 * {@code fault}). An error name without {@code done=} matches a batch that stopped anywhere.
 */
public record Expectation(String text) {
    public static final Expectation ANY = new Expectation("any");

    public static Expectation of(Result r) {
        return new Expectation(r.toString());
    }

    public boolean matches(Result r) {
        if (this.equals(ANY)) return true;
        String printed = r.toString();
        return printed.equals(text)
                || r instanceof Result.Partial && ((Result.Partial) r).errno().name().equals(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
