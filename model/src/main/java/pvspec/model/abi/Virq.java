package pvspec.model.abi;

/** Virtual IRQs ({@code VIRQ_*} in {@code public/xen.h}). */
public final class Virq {
    private Virq() {}

    /** {@code NR_VIRQS}: virtual IRQs are 0 to 23. */
    public static final int NR_VIRQS = 24;
    public static final int VIRQ_TIMER = 0;
    public static final int VIRQ_DEBUG = 1;
    public static final int VIRQ_XENOPROF = 7;
    public static final int VIRQ_ARGO = 11;
    public static final int VIRQ_XENPMU = 13;

    /** Bound per vCPU rather than once per domain on vCPU 0 (Xen's {@code virq_is_global}, negated). */
    public static boolean perVcpu(int virq) {
        return virq == VIRQ_TIMER || virq == VIRQ_DEBUG || virq == VIRQ_XENOPROF || virq == VIRQ_XENPMU;
    }
}
