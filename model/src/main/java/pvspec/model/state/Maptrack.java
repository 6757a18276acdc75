package pvspec.model.state;

/**
 * A grant mapping a domain holds (Xen's maptrack entry), named by its handle.
 *
 * @param dom the granting domain
 * @param ref the grant reference in the granter's table
 * @param frame the granted frame
 * @param readonly mapped read-only
 * @param hostL1 the caller's L1 table holding the mapping's entry
 * @param hostIndex the slot of that entry
 */
public record Maptrack(int dom, int ref, long frame, boolean readonly, long hostL1, int hostIndex) {}
