package pvspec.model.state;

/**
 * A vCPU's registered entry points other than its virtual IDT ({@code struct pv_vcpu}:
 * {@code event_callback_eip}, {@code failsafe_callback_eip}, {@code syscall_callback_eip},
 * {@code syscall32_callback_eip}, {@code sysenter_callback_eip}), 0 for none, and which of them
 * mask events on entry ({@code CALLBACKF_mask_events}: {@code VGCF_failsafe_disables_events},
 * {@code VGCF_syscall_disables_events}, {@code syscall32_disables_events},
 * {@code sysenter_disables_events}). The NMI callback is a virtual-IDT entry (vector 2).
 *
 * @param masks bits {@link #MASK_FAILSAFE}, {@link #MASK_SYSCALL}, {@link #MASK_SYSCALL32},
 *     {@link #MASK_SYSENTER}
 */
public record Callbacks(long event, long failsafe, long syscall, long syscall32, long sysenter, int masks) {
    public static final int MASK_FAILSAFE = 1;
    public static final int MASK_SYSCALL = 2;
    public static final int MASK_SYSCALL32 = 4;
    public static final int MASK_SYSENTER = 8;

    public static final Callbacks NONE = new Callbacks(0, 0, 0, 0, 0, 0);

    /** The registered addresses, for checks that treat them alike. */
    public long[] addresses() {
        return new long[] {event, failsafe, syscall, syscall32, sysenter};
    }

    public Callbacks withEvent(long a) {
        return new Callbacks(a, failsafe, syscall, syscall32, sysenter, masks);
    }

    public Callbacks withFailsafe(long a, boolean mask) {
        return new Callbacks(event, a, syscall, syscall32, sysenter, masked(MASK_FAILSAFE, mask));
    }

    public Callbacks withSyscall(long a, boolean mask) {
        return new Callbacks(event, failsafe, a, syscall32, sysenter, masked(MASK_SYSCALL, mask));
    }

    public Callbacks withSyscall32(long a, boolean mask) {
        return new Callbacks(event, failsafe, syscall, a, sysenter, masked(MASK_SYSCALL32, mask));
    }

    public Callbacks withSysenter(long a, boolean mask) {
        return new Callbacks(event, failsafe, syscall, syscall32, a, masked(MASK_SYSENTER, mask));
    }

    private int masked(int bit, boolean mask) {
        return mask ? masks | bit : masks & ~bit;
    }
}
