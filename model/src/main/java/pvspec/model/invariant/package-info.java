/**
 * The invariants INV-1 to INV-13 of DESIGN.md, one class each, named as there; their
 * conjunction ({@link pvspec.model.invariant.Invariants#ALL}) is what every step must preserve.
 * Each returns the violations it finds — the invariant's id, a sentence, and the frames and
 * ports involved — so a counterexample says what broke and where.
 *
 * <p>Facts several invariants need (the census of references by cause, what a walk reaches) are
 * computed once per state by {@link pvspec.model.invariant.Facts}.
 */
package pvspec.model.invariant;
