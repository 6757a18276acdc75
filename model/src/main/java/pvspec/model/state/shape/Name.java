package pvspec.model.state.shape;

/**
 * What a number in the state names, so that a walker knows which numbers a renaming of domains,
 * frames or grant references changes (the checker's symmetry reduction) and which it leaves alone.
 */
public enum Name {
    /** A plain quantity, flag word or address: never renamed. */
    PLAIN,
    /** A domain id; the reserved ids ({@code DOMID_XEN}, {@code DOMID_INVALID}, ...) are never renamed. */
    DOMID,
    /** A machine frame number; values outside the frame table ({@code NO_BASEPTR}) are never renamed. */
    MFN,
    /** A page-table entry: its frame field is a machine frame number, its flags are plain. */
    PTE,
    /** A grant reference into the table of the domain its component names as granter. */
    GRANT_REF,
    /** An event-channel port of the enclosing domain: renamed by nothing today. */
    PORT,
    /** A vCPU of the enclosing domain: renamed by nothing today. */
    VCPU
}
