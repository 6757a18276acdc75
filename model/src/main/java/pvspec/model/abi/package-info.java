/**
 * The ABI v1: who calls ({@link pvspec.model.abi.Caller}), what they ask
 * ({@link pvspec.model.abi.Hypercall} and its families, named after Xen's public headers), and
 * what they get back ({@link pvspec.model.abi.Result}, {@link pvspec.model.abi.Errno},
 * {@link pvspec.model.abi.Gntst}). Page-table entries are raw 64-bit values
 * ({@link pvspec.model.abi.Pte}) so that every bit pattern a guest could pass is a request the
 * model must answer.
 */
package pvspec.model.abi;
