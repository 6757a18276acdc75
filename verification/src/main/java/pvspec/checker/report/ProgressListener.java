package pvspec.checker.report;

import pvspec.checker.config.Options;

/** Receives a {@link Progress} snapshot about once per {@link Options#progressMillis()} while a search runs. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> {};

    void progress(Progress p);
}
