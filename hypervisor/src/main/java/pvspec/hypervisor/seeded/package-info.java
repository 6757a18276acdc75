/**
 * The seeded bugs, in one registry ({@link pvspec.hypervisor.seeded.SeededBug}): each a
 * variant of the hypervisor's {@link pvspec.hypervisor.Checks} with one check removed or
 * weakened, with its XSA, its bug class and the checkers expected to find it. It lives beside
 * the hypervisor so that every reader depends on it: the property suites and
 * {@code pvspec mutants} (the sequential ones), the JPF harnesses and their profile (the
 * concurrency ones).
 */
package pvspec.hypervisor.seeded;
