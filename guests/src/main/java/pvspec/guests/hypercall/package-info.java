/**
 * The guest side of the ABI.
 *
 * <p>{@link pvspec.guests.hypercall.Hypercalls} is the one interface every guest is written
 * against: {@code Result hypercall(Caller, Hypercall)} plus the abstract state for checks.
 * {@link pvspec.guests.hypercall.ModelHypercalls} implements it over the model; the hypervisor
 * implements it with a one-class adapter over {@code pvspec.hypervisor.Hypervisor}
 * ({@code hypercall} delegates, {@code abstractState} is its abstraction function), registered
 * as a {@link pvspec.guests.hypercall.HypercallsProvider} service so that
 * {@link pvspec.guests.hypercall.Targets#all()} — the parameter source of the tests — picks it up.
 *
 * <p>Decorators compose over any implementation: {@link pvspec.guests.hypercall.Recording}
 * (the trace), {@link pvspec.guests.hypercall.Checked} (a check after every step, e.g. every
 * invariant), {@link pvspec.guests.hypercall.Lockstep} (model and hypervisor compared step by
 * step). {@link pvspec.guests.hypercall.HypercallPage} is one vCPU's view, with
 * {@link pvspec.guests.hypercall.Calls} to build requests by their Xen names.
 */
package pvspec.guests.hypercall;
