/**
 * pvspec's specification of a Xen-style paravirtualizing hypervisor: pure, immutable, and
 * executable. Read it in this order: {@link pvspec.model.abi} (what a guest may ask),
 * {@link pvspec.model.state} (what the hypervisor keeps, and the type discipline),
 * {@link pvspec.model.rules} (what each request requires and changes), and
 * {@link pvspec.model.invariant} (what must always hold).
 *
 * <p>Java PathFinder runs the rules and the invariants (the harnesses in {@code verification}),
 * so they keep to what JPF can execute: records are compared by pattern matching or by
 * hand-written {@code equals} (as {@link pvspec.model.abi.Result} has), never by a generated
 * {@code equals}/{@code hashCode}/{@code toString}, where JPF silently ends the path; and no
 * method reference needs boxing (JPF computes garbage for those).
 */
package pvspec.model;
