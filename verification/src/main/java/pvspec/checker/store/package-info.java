/**
 * What the search remembers, in compact form: the injective byte encoding of a state
 * ({@link pvspec.checker.store.StateCodec}, written under a {@link pvspec.checker.store.Renaming}
 * into a {@link pvspec.checker.store.ByteSink}, hashed by {@link pvspec.checker.store.Hash64}), the
 * set of 64-bit fingerprints that spills to disk ({@link pvspec.checker.store.FingerprintSet}), the
 * node table of parent links and labels ({@link pvspec.checker.store.NodeStore}) and the
 * {@link pvspec.checker.store.Checkpoint} a long run resumes from. It knows states and numbers,
 * not the search: it depends on no other room of the checker.
 */
package pvspec.checker.store;
