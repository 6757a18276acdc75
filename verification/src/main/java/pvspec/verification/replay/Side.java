package pvspec.verification.replay;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Result;
import pvspec.model.state.State;

/** Something that executes requests and can say which model state it is in: the model, or an implementation checked against it. */
public interface Side {
    String name();

    Result apply(Caller c, Hypercall h);

    /** The model state this side represents now. */
    State abstractState();
}
