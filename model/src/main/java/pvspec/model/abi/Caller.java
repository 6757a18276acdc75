package pvspec.model.abi;

/**
 * Who issues a request: a domain, one of its vCPUs, and the mode that vCPU is in.
 *
 * <p>Any values are representable (a trace may name a domain that does not exist); the step
 * function refuses callers that are not running.
 */
public record Caller(int domain, int vcpu, Mode mode) {
    public Caller {
        if (mode == null) throw new IllegalArgumentException("mode");
    }

    /** vCPU 0 of {@code domain}, in kernel mode. */
    public static Caller kernel(int domain) {
        return new Caller(domain, 0, Mode.KERNEL);
    }

    public static Caller kernel(int domain, int vcpu) {
        return new Caller(domain, vcpu, Mode.KERNEL);
    }

    public static Caller user(int domain, int vcpu) {
        return new Caller(domain, vcpu, Mode.USER);
    }

    public boolean isUser() {
        return mode == Mode.USER;
    }

    @Override
    public int hashCode() { // stable across runs: enum hash codes are not
        return (domain * 31 + vcpu) * 2 + mode.ordinal();
    }
}
