package pvspec.verification.jpf;

import gov.nasa.jpf.Config;
import gov.nasa.jpf.ListenerAdapter;
import gov.nasa.jpf.jvm.bytecode.JVMInvokeInstruction;
import gov.nasa.jpf.vm.Instruction;
import gov.nasa.jpf.vm.ThreadInfo;
import gov.nasa.jpf.vm.VM;

/**
 * Makes every {@code ReentrantLock} operation (and, with {@code pvspec.scheduling_points.atomics},
 * every {@code AtomicLongArray} operation) that pvspec code calls a scheduling point: just before
 * the call, JPF may switch to any other runnable thread.
 *
 * <p>The concurrent-vCPU harness runs with JPF's breaks on shared field and array accesses turned
 * off for its own and the hypervisor's code (they multiply the states by every array read of a
 * lock table) and with these points instead. That explores every interleaving of lock
 * operations and atomic updates, which covers every behaviour as long as each plain shared
 * access is protected by a lock — the hypervisor's locking claim, which the race-detector run
 * (JPF's default breaks plus {@code PreciseRaceDetector}) checks.
 */
public final class SchedulingPoints extends ListenerAdapter {
    private static final String LOCK = "java.util.concurrent.locks.ReentrantLock";
    private static final String ATOMIC = "java.util.concurrent.atomic.AtomicLongArray";

    private final boolean atomics;

    public SchedulingPoints(Config conf) {
        atomics = conf.getBoolean("pvspec.scheduling_points.atomics", false);
    }

    @Override
    public void executeInstruction(VM vm, ThreadInfo ti, Instruction insn) {
        if (!(insn instanceof JVMInvokeInstruction) || !insn.getMethodInfo().getClassName().startsWith("pvspec.")) return;
        JVMInvokeInstruction call = (JVMInvokeInstruction) insn;
        String cls = call.getInvokedMethodClassName();
        boolean point = LOCK.equals(cls) ? isLockOperation(call.getInvokedMethodName()) : atomics && ATOMIC.equals(cls);
        if (point && ti.reschedule("pvspec." + call.getInvokedMethodName())) ti.skipInstruction(insn); // run it after the choice
    }

    private static boolean isLockOperation(String nameAndSignature) {
        return nameAndSignature.equals("lock()V") || nameAndSignature.equals("tryLock()Z") || nameAndSignature.equals("unlock()V");
    }
}
