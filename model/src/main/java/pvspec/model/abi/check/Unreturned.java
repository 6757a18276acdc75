package pvspec.model.abi.check;

import java.util.Optional;
import pvspec.model.abi.Gntst;

/**
 * The result codes no {@link Check} returns, each with why: where Xen returns it at c447b7308b13
 * and why the model never does. Only {@code GNTST_no_device_space} is returned nowhere in Xen;
 * the other is Xen's for a 64-bit PV guest too, through what the model does not represent
 * (frames above 2^32). Every other code is some check's result ({@code UnreturnedTest});
 * {@code GNTST_bad_virt_addr} is since setup_table's frame list is a guest address (vaddr15),
 * {@code GNTST_eagain} since {@code swap_grant_ref} (of a mapped entry; Xen's other GNTST_eagain,
 * for a paged-out or shared frame of a translated granter, grant_table.c:511-512, has no PV
 * counterpart). The checker's coverage report prints these reasons, and docs/xen-conformance.md
 * quotes them word for word ({@code ConformanceDocTest}).
 */
public enum Unreturned {
    NO_DEVICE_SPACE(Gntst.GNTST_no_device_space,
            "Xen returns it nowhere (defined in public/grant_table.h:633 only; an exhausted maptrack is"
                    + " GNTST_no_space, grant_table.c:1062-1067)"),
    ADDRESS_TOO_BIG(Gntst.GNTST_address_too_big,
            "Xen returns it for a transfer of a frame at or above 2^32 to a v1-table PV receiver when no frame below is free"
                    + " (grant_table.c:2381-2395), and for a 32-bit guest's setup_table (compat/grant_table.c:196-199);"
                    + " the model has at most 2^24 frames and no 32-bit guests");

    private final Gntst status;
    private final String why;

    Unreturned(Gntst status, String why) {
        this.status = status;
        this.why = why;
    }

    public Gntst status() {
        return status;
    }

    /** Where Xen returns the code, and why the model does not. */
    public String why() {
        return why;
    }

    /** The entry for a code's name ({@code GNTST_eagain}), if no check returns it. */
    public static Optional<Unreturned> of(String code) {
        for (Unreturned u : values()) if (u.status.name().equals(code)) return Optional.of(u);
        return Optional.empty();
    }
}
