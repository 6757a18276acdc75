package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_multicall} ({@code common/multicall.c:do_multicall}): several hypercalls in one,
 * run in order, each writing its own result; the call itself returns 0. Xen's rules for what may
 * be in it: any hypercall of the 64-bit PV table ({@code pv_do_multicall_call}: an unknown op gets
 * {@code -ENOSYS}, as would a guest action, which has no hypercall number); a nested multicall is
 * refused ({@code -EINVAL}); an {@code iret} entry runs and ends the multicall
 * ({@code mc_exit}, the XSA-213 fix), as does any entry after which the vCPU is no longer in
 * kernel mode ({@code mc_preempt}).
 */
public record Multicall(List<Hypercall> calls) implements Hypercall {
    public Multicall {
        calls = List.copyOf(calls);
    }

    public static Multicall of(Hypercall... calls) {
        return new Multicall(List.of(calls));
    }

    @Override
    public String kind() {
        return "multicall";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.multicall(this);
    }

    /** Whether {@code h} is a guest action the model makes explicit rather than a hypercall (no hypercall number). */
    public static boolean isGuestAction(Hypercall h) {
        return h instanceof Access || h instanceof SoftInt || h instanceof GrantTableWrite || h instanceof EventChannelWrite;
    }
}
