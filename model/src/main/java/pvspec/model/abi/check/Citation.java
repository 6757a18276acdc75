package pvspec.model.abi.check;

/** How a check's Xen citation relates to Xen's code. */
public enum Citation {
    /** Xen makes this check in the cited function. */
    XEN,
    /**
     * Xen has no check of its own here (its types enforce a field width, or pvspec departs on
     * purpose); the citation names the closest function, for the reader to start from.
     */
    CLOSEST
}
