package pvspec.model.abi;

/**
 * The privilege mode a vCPU runs in when it issues a request.
 *
 * <p>A 64-bit PV guest kernel runs in ring 3 like its user processes; Xen tracks the mode in
 * software ({@code TF_kernel_mode}). Hypercalls are accepted only from {@link #KERNEL}.
 */
public enum Mode {
    KERNEL,
    USER
}
