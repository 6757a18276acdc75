/**
 * The reductions: ways to explore fewer states or transitions that keep every violation
 * reachable at the same depth. Symmetry: {@link pvspec.checker.reduction.Canonicalizer} keys a
 * state by its least encoding among renamings, and {@link pvspec.checker.reduction.SymmetryAnalysis}
 * (with {@link pvspec.checker.reduction.RequestRenamer} and {@code FreesResources}) decides for which
 * configurations and request spaces that is sound. Independence: the
 * {@link pvspec.checker.reduction.Footprint} of a step, recorded by tracking collections, and the
 * {@link pvspec.checker.reduction.ParentTable} of every request's footprint at a state. It uses
 * {@code store}'s encoding and renamings and {@code config}'s requests; {@code search} applies it.
 */
package pvspec.checker.reduction;
