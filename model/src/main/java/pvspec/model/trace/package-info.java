/**
 * The trace format (docs/trace-syntax.md): one request per line, {@code #} comments, the configuration
 * first. Counterexamples are printed in it and {@code pvspec replay} reads it back; printing
 * then parsing gives the same trace, and a malformed trace is reported with its file, line and
 * column.
 */
package pvspec.model.trace;
