/**
 * What a run tells: while it runs, {@link pvspec.checker.report.Progress} snapshots to a
 * {@link pvspec.checker.report.ProgressListener}; at the end, a {@link pvspec.checker.report.CheckReport}
 * with its {@link pvspec.checker.report.Status}, the {@link pvspec.checker.report.Coverage} of request
 * kinds and result codes, and what was found: a {@link pvspec.checker.report.Counterexample}, a
 * {@link pvspec.checker.report.Divergence} or a {@link pvspec.checker.report.Witness}, each a
 * replayable trace. Plain values, printed as text or JSON; it reads {@code config} (requests,
 * properties) and nothing else of the checker.
 */
package pvspec.checker.report;
