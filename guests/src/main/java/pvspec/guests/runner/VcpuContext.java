package pvspec.guests.runner;

import java.util.function.BooleanSupplier;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.model.abi.Caller;

/** What the runner gives a running vCPU: its identity, its hypercall page, the store, and a way to start more vCPUs. */
public interface VcpuContext {

    Caller caller();

    /** Requests made through this page are scheduled by the runner and recorded. */
    HypercallPage hypercalls();

    XenStore store();

    /**
     * Start another vCPU program (the toolstack starting a new domain's boot vCPU, a kernel
     * bringing up its secondary vCPUs with {@code VCPUOP_up}).
     */
    void spawn(Caller caller, VcpuProgram program);

    /** Wait until {@code condition} holds, giving up the CPU ({@code SCHEDOP_yield}) meanwhile. */
    default void await(BooleanSupplier condition) {
        while (!condition.getAsBoolean()) hypercalls().call(Calls.yield());
    }

    /** Wait for a store key and return its value. */
    default long awaitKey(String key) {
        await(() -> store().contains(key));
        return store().read(key).getAsLong();
    }
}
