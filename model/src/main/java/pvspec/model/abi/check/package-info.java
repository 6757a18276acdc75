/**
 * Refusal identity: every reason the hypervisor refuses a request, as one named {@link
 * pvspec.model.abi.check.Check} with a stable id made from Xen's file, function and check
 * ({@code mm.c:get_page_from_l1e:disallowed-flags}), the result the guest gets, the Xen
 * function it cites and a sentence.
 *
 * <p>This is ABI level: the model's rules refuse with these checks, and the hypervisor reports
 * the same checks from its own code, so that lockstep runs, the property suites, the checker
 * and {@code pvspec replay} compare why a request was refused, not only the error code. The
 * enum is the one registry: {@code Check.values()} is the catalogue {@code pvspec spec}
 * prints, and no other list of refusals exists.
 */
package pvspec.model.abi.check;
