/**
 * The built-in explicit-state model checker: it explores every behaviour of the model up to a
 * bound, where the property suites only sample.
 *
 * <h2>What is checked</h2>
 * A {@link pvspec.checker.config.CheckConfig} is a trace (the <em>scenario</em>: dom0 creates and
 * populates the domUs) plus {@code #!} directives; the state the scenario ends in is where the
 * search starts. The directives give the request space: templates such as
 * {@code {caller}: mmu_update ptr={mfn}[{index}] val={pte}} whose placeholders range over bounded
 * argument domains ({@link pvspec.checker.config.ArgumentDomains}: every frame, slot, port, grant
 * reference, handle, vCPU and virtual page, each plus a value out of range; entries read-only,
 * writable, superpage or with the accessed bit to every frame; every domain, both modes).
 * Without templates, the built-in ones cover every request kind of ABI v1. The default of
 * {@code pvspec check}, {@link pvspec.checker.config.CheckConfig#small()}, is the resource
 * {@code small.check}.
 *
 * <h2>A run's own properties</h2>
 * A check file may add {@code #! invariant NAME: PREDICATE} (checked like INV-1..INV-13),
 * {@code #! constraint PREDICATE} (states where it is false are checked but not expanded) and
 * {@code #! reach NAME: PREDICATE} (the search ends at a shortest {@link pvspec.checker.report.Witness}),
 * in the predicate language of {@link pvspec.checker.predicate}; {@code --invariant CLASS} adds a
 * Java {@code Invariant}. {@link pvspec.checker.config.CheckProperties} holds them, and says which
 * reductions they leave sound. {@code docs/check-files.md} is the reference.
 *
 * <h2>How</h2>
 * {@link pvspec.checker.search.ModelChecker#run} explores breadth first, level by level, on all
 * threads, and numbers each level by least incoming edge, so the first counterexample found is a
 * shortest trace and the same on any number of threads. Every new state is checked against
 * INV-1..INV-13 ({@code Invariants.checkStep}), the step-level constraints against every
 * transition, and in conformance mode an {@link pvspec.checker.config.Implementation} against the model
 * on every transition. A search ends at a fixpoint, at the depth bound (complete to that depth),
 * at the first violation, divergence or witness, or cut by a bound on states or time, which the report
 * never calls complete.
 *
 * <h2>Long runs</h2>
 * In fingerprint mode (the default of {@code pvspec check}) the visited set is a
 * {@link pvspec.checker.store.FingerprintSet}: 64-bit fingerprints in memory up to a bound, then merged
 * into a sorted file on disk, as TLC's {@code DiskFPSet} does, so memory stays bounded however
 * many states are found. With {@link pvspec.checker.config.Options#withCheckpoints} the search writes a
 * {@link pvspec.checker.store.Checkpoint} at a level boundary every so often, when it is cut, and from a
 * shutdown hook (Ctrl-C); {@link pvspec.checker.config.Options#withRecoverFrom} resumes from one and ends
 * with exactly the counts of an uninterrupted run.
 *
 * <h2>Reductions (each keeps every violation reachable, at the same depth)</h2>
 * <ul>
 * <li>Independence ({@link pvspec.checker.reduction.Footprint}, soundness argued on
 *     {@link pvspec.checker.search.Search}): requests whose recorded footprints are disjoint commute, so
 *     a request independent of a state's last step and ordered before it is not run again there
 *     (a sleep set), and a refused request that read nothing the last step wrote is known to stay
 *     refused. Same states, same depths, same traces; fewer transitions executed.</li>
 * <li>Symmetry ({@link pvspec.checker.reduction.Canonicalizer}): states that differ by a renaming of grant
 *     references are one state. DomUs with their frames are interchangeable only in
 *     configurations where nothing returns to the free pool: allocation takes the lowest free
 *     number, so once ids and frames are reused their order is observable (a test shows two
 *     mirror-image states the model tells apart). {@link pvspec.checker.reduction.SymmetryAnalysis}
 *     applies each symmetry only where it is sound and says why not elsewhere.</li>
 * </ul>
 *
 * <h2>Rooms</h2>
 * <ul>
 * <li>{@link pvspec.checker.config}: what a run checks and how (check files, request space,
 *     options); depends on no other room.</li>
 * <li>{@link pvspec.checker.search}: the breadth-first search, its entry point
 *     {@link pvspec.checker.search.ModelChecker} and the kernel other engines share.</li>
 * <li>{@link pvspec.checker.reduction}: symmetry and independence, what makes the search
 *     smaller without losing a violation.</li>
 * <li>{@link pvspec.checker.store}: state encodings, the fingerprint set, the node table and
 *     checkpoints; depends on no other room.</li>
 * <li>{@link pvspec.checker.report}: progress, the final report, coverage and what was found.</li>
 * <li>{@link pvspec.checker.predicate}: the predicate language of check files.</li>
 * </ul>
 * {@code search} uses all the others; {@code reduction} uses {@code store} and {@code config};
 * {@code report} uses {@code config}.
 *
 * <h2>Example</h2>
 * <pre>
 * Progress bar = Progress.onStdout(new PrintWriter(System.out, true)); // pvspec.properties.run
 * CheckReport r = ModelChecker.run(CheckConfig.small(), Options.defaults().withThreads(2),
 *         p -> bar.update(p.line()));
 * System.out.print(r.summary());          // verdict, states, transitions, depth, states/s, coverage
 * if (!r.holds()) System.exit(1);          // r.counterexample().get().print() is a trace to replay
 * </pre>
 */
package pvspec.checker;
