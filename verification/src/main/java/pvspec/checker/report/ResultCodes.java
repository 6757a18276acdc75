package pvspec.checker.report;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;

/**
 * The result codes coverage counts: {@code OK} (with or without a value), {@code fault}, each
 * {@link Errno} (alone or ending a batch) and each {@link Gntst} status.
 */
public final class ResultCodes {
    private ResultCodes() {}

    public static final List<String> ALL = all();
    static final int OK = 0;
    static final int FAULT = 1;
    private static final int ERRNO_BASE = 2;
    private static final int GNTST_BASE = ERRNO_BASE + Errno.values().length;

    static int of(Result r) {
        if (r instanceof Result.Err) return ERRNO_BASE + ((Result.Err) r).errno().ordinal();
        if (r instanceof Result.Partial) return ERRNO_BASE + ((Result.Partial) r).errno().ordinal();
        if (r instanceof Result.Gnt) return GNTST_BASE + ((Result.Gnt) r).status().ordinal();
        if (r instanceof Result.Fault) return FAULT;
        if (r instanceof Result.GntSize) return GNTST_BASE + Gntst.GNTST_okay.ordinal();
        return OK;
    }

    private static List<String> all() {
        List<String> out = new ArrayList<>(List.of("OK", "fault"));
        for (Errno e : Errno.values()) out.add(e.name());
        for (Gntst g : Gntst.values()) out.add(g.name());
        return List.copyOf(out);
    }
}
