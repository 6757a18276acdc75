package pvspec.model.abi;

/** Grant-table operation statuses ({@code GNTST_*} in {@code public/grant_table.h}). */
public enum Gntst {
    GNTST_okay(0),
    GNTST_general_error(-1),
    GNTST_bad_domain(-2),
    GNTST_bad_gntref(-3),
    GNTST_bad_handle(-4),
    GNTST_bad_virt_addr(-5),
    GNTST_bad_dev_addr(-6),
    GNTST_no_device_space(-7),
    GNTST_permission_denied(-8),
    GNTST_bad_page(-9),
    GNTST_bad_copy_arg(-10),
    GNTST_address_too_big(-11),
    GNTST_eagain(-12),
    GNTST_no_space(-13);

    private final int code;

    Gntst(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
