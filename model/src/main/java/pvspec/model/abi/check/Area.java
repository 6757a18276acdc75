package pvspec.model.abi.check;

/**
 * Which part of the specification makes a check: the caller checks every request goes
 * through, one family's rules, or the shared disciplines (entry updates, page types) several
 * families use. {@code pvspec spec} groups the catalogue by area.
 */
public enum Area {
    CALLER,
    MMU_UPDATE,
    ENTRY_UPDATES,
    PAGE_TYPES,
    MMUEXT_OP,
    UPDATE_VA_MAPPING,
    TRAPS,
    EVENT_CHANNELS,
    GRANT_TABLES,
    MEMORY_OP,
    DOMCTL,
    SCHED_OP,
    DESCRIPTORS,
    MULTICALL,
    VM_ASSIST,
    SEGMENTS
}
