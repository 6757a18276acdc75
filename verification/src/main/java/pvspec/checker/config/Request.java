package pvspec.checker.config;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Hypercall;

/**
 * One request of the search's alphabet: who calls and what. {@code id} is its position in the
 * {@link RequestSpace}, which orders requests (the partial-order reduction relies on that order)
 * and names them compactly in the search's parent links.
 */
public record Request(int id, Caller caller, Hypercall call, String kind) {}
