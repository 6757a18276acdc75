/**
 * The search itself: {@link pvspec.checker.search.ModelChecker} is the entry point, {@code Search}
 * the level-synchronous breadth-first loop (its soundness arguments are on that class), workers
 * that expand a level, the scenario run that gives the root, and the replay of a found path into
 * a trace. {@link pvspec.checker.search.LevelKernel} offers the same steps, keys and checks to other
 * engines (the Spark backend). It reads a run from {@code config}, asks {@code reduction} which
 * states are one and which transitions need not run, keeps what it has seen in {@code store}, and
 * ends with a {@code report}.
 */
package pvspec.checker.search;
