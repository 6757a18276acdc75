package pvspec.guests.hypercall;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.abi.check.Reply;
import pvspec.model.state.Config;
import pvspec.model.state.State;

/**
 * The ABI as a guest sees it: one entry point that takes a request from a vCPU and returns its
 * result. Every guest in this module is written against this interface only, so the same guest
 * runs on the model ({@link ModelHypercalls}) and on the hypervisor (a one-class adapter over
 * {@code pvspec.hypervisor.Hypervisor}, registered through {@link HypercallsProvider}), and two
 * runs can be compared step by step ({@link Lockstep}).
 *
 * <p>Implementations must accept calls from several threads (one per vCPU); the model adapter
 * serializes them.
 */
public interface Hypercalls {

    /** The machine's dimensions. */
    Config config();

    /**
     * Issue {@code call} from {@code caller}: what the guest gets back and, for a refusal, the
     * check that refused it. Never throws for any request, however malformed.
     */
    Reply call(Caller caller, Hypercall call);

    /** Issue {@code call} from {@code caller}; the result alone. */
    default Result hypercall(Caller caller, Hypercall call) {
        return call(caller, call).result();
    }

    /**
     * The machine's state as the model describes it (for the hypervisor: its abstraction
     * function). Guests never look at it; tests, invariant checks and lockstep comparison do.
     */
    State abstractState();
}
