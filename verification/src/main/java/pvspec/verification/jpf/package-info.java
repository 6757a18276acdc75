/**
 * Java PathFinder harnesses: the hypervisor's concurrency and the model's state space explored
 * by JPF (<a href="https://github.com/javapathfinder/jpf-core">jpf-core</a>, installed outside
 * the repository and run by the Maven profile {@code jpf}).
 *
 * <h2>The harnesses</h2>
 * <ol>
 *   <li>{@link pvspec.verification.jpf.VcpuHarness}: two or three vCPU threads issue requests
 *       picked from small menus aimed at known races ({@link pvspec.verification.jpf.Scenarios});
 *       every outcome must be one that some sequential order produces on the model
 *       (linearizability, against the {@link pvspec.verification.jpf.Oracle} computed on the
 *       JVM by {@link pvspec.verification.jpf.OracleBuilder}) and must satisfy the model's
 *       invariants.</li>
 *   <li>{@link pvspec.verification.jpf.ModelExploration}: the model itself, one chosen request
 *       per step; JPF's state matching enumerates the reachable states, which must be exactly
 *       those a plain breadth-first search ({@link pvspec.verification.jpf.ModelBfs}) finds.</li>
 *   <li>Harness 1 again under JPF's race detector and its deadlock property.</li>
 * </ol>
 * {@link pvspec.verification.jpf.SeededRaces} holds the seeded concurrency bugs harness 1 must
 * find (a peer domain left unlocked, a lock taken against the order, a shared word updated
 * without CAS); runs without interleavings cannot.
 *
 * <h2>With and without JPF</h2>
 * Nondeterminism comes from {@link pvspec.verification.jpf.Choices}: under JPF,
 * {@code Verify.getInt} (class {@code JpfChoices}, compiled only by the profile, in
 * {@code src/jpf/java} with the launcher and JPF listeners); on a plain JVM, the
 * {@link pvspec.verification.jpf.Enumerator}, which re-runs a harness for every choice vector with
 * the threads one after another. The unit tests run the harnesses that way on every build.
 *
 * <h2>What code may run inside JPF</h2>
 * JPF's class library lacks parts of Java 17, and some gaps stop a path without an error. Code
 * reached by a harness uses no record {@code equals}/{@code hashCode}/{@code toString} (they stop
 * the search silently), no {@code VarHandle}s, no boxing method references, no lambdas made in
 * interface default methods ({@code Comparator.thenComparing} and the like), no
 * {@code String.join/lines/strip/isBlank}, {@code Collectors.joining}, {@code Stream.toList()} or
 * {@code IntStream.boxed()}; {@code InputStreamReader} takes a charset name. Hence
 * {@link pvspec.verification.jpf.StateDigest} and {@link pvspec.verification.jpf.Call} are written
 * by hand. So that a silent stop cannot pass for success, every harness reports each choice
 * vector whose final check it passed, and the launcher fails unless all did (and, for harness 2,
 * unless the counts agree).
 *
 * <p>Two further JPF gaps are bridged by the launcher: {@code Thread.onSpinWait()} (called by the
 * JDK's lock implementation under contention) is skipped by a listener, and the exceptions the
 * model and the hypervisor throw use the {@code Throwable(String)} constructor.
 */
package pvspec.verification.jpf;
