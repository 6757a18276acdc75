package pvspec.guests.random;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;

/** One request a random guest chose: who makes it and what. */
public record Request(Caller caller, Hypercall call) {}
