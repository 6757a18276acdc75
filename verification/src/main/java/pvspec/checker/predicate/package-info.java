/**
 * The predicate language of check files: conditions on one state of the model, such as
 * {@code type(3) = l1 and readable(d2, 3)}, for {@code #! invariant}, {@code #! constraint} and
 * {@code #! reach}. {@link pvspec.checker.predicate.PredicateParser} reads them (its
 * {@code GRAMMAR} is the one {@code docs/check-files.md} prints), {@link pvspec.checker.predicate.Atoms}
 * lists what they can name, over the model's own walks, and
 * {@link pvspec.checker.predicate.Type} the values they compare.
 *
 * <pre>
 * Predicate p = PredicateParser.parse("not writable(d2, 3) or granted(d1, 0)", state.config());
 * boolean holds = p.test(state);
 * </pre>
 */
package pvspec.checker.predicate;
