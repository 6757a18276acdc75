package pvspec.model.abi;

/** The Xen error codes a hypercall returns (negated in the real ABI), with Linux's numbers. */
public enum Errno {
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    ENOMEM(12),
    EACCES(13),
    EFAULT(14),
    EBUSY(16),
    EEXIST(17),
    EINVAL(22),
    ENOSPC(28),
    ENOSYS(38),
    EOPNOTSUPP(95),
    /** {@code _domain_pause_by_systemcontroller}: more than 255 toolstack pauses. */
    EOVERFLOW(75);

    private final int number;

    Errno(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }
}
