/**
 * pvspec's specification of a Xen-style paravirtualizing hypervisor: pure, immutable, and
 * executable. Read it in this order: {@link pvspec.model.abi} (what a guest may ask),
 * {@link pvspec.model.state} (what the hypervisor keeps, and the type discipline),
 * {@link pvspec.model.rules} (what each request requires and changes), and
 * {@link pvspec.model.invariant} (what must always hold).
 */
package pvspec.model;
