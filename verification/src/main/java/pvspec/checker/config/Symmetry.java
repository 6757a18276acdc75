package pvspec.checker.config;

/** The symmetry reductions the checker knows; see {@link pvspec.checker.reduction.Canonicalizer} for why each is sound. */
public enum Symmetry {
    /** A domain's grant references are names the guest picks: any permutation of them is an automorphism. */
    GRANT_REFS,
    /**
     * DomUs with the frames they own are interchangeable, but only where no frame or domain id
     * can return to the free pool: the allocator hands out the lowest free number, so once
     * numbers are reused their order is observable.
     */
    DOMUS
}
