/**
 * The catalogue of malicious guests.
 *
 * <p>One class per attack, each named after the historical bug class it reproduces (and its XSA
 * where one exists), with a comment saying what went wrong in Xen and why the hypervisor must
 * refuse. One class each rather than a declarative table, because the set-ups differ in shape
 * (two guests, linear tables, grants, ports) and each deserves its own paragraph; the shared
 * set-ups are small helpers ({@link pvspec.guests.attack.AttackScript#guest},
 * {@code LinearTables}, {@code GrantedGuests}).
 *
 * <p>An {@link pvspec.guests.attack.Attack} sets up with requests that must succeed, makes its
 * attack requests with {@link pvspec.guests.attack.AttackScript#attempt} and the result each
 * must get, and states post-conditions on the final state.
 * {@link pvspec.guests.attack.AttackRunner} runs it on a fresh machine with every invariant
 * checked after every step and records its trace; {@link pvspec.guests.attack.AttackTable}
 * prints the table of {@code pvspec attack}.
 */
package pvspec.guests.attack;
