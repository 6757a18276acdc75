/**
 * The invariants INV-1 to INV-13 of the design, one class each, each with its id, name and statement (printed by {@code pvspec spec}); their
 * conjunction ({@link pvspec.model.invariant.Invariants#ALL}) is what every step must preserve.
 * Each returns the violations it finds — the invariant's id, a sentence, and the frames and
 * ports involved — so a counterexample says what broke and where.
 *
 * <p>Facts several invariants need (the census of references by cause, what a walk reaches) are
 * computed once per state by {@link pvspec.model.invariant.Facts}.
 */
package pvspec.model.invariant;
