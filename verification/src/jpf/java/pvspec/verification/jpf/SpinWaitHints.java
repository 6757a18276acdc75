package pvspec.verification.jpf;

import gov.nasa.jpf.ListenerAdapter;
import gov.nasa.jpf.jvm.bytecode.INVOKESTATIC;
import gov.nasa.jpf.vm.Instruction;
import gov.nasa.jpf.vm.ThreadInfo;
import gov.nasa.jpf.vm.VM;

/**
 * Skips calls to {@code Thread.onSpinWait()}. JDK 17's {@code AbstractQueuedSynchronizer} (under
 * every {@code ReentrantLock}) calls it while it spins for a contended lock, and JPF's model of
 * {@code java.lang.Thread} has no such method, so without this listener the first contended
 * {@code lock()} throws {@code NoSuchMethodException} inside JPF. The call is a hint to the CPU
 * with no effect on the program's semantics, so skipping it is exact.
 */
public final class SpinWaitHints extends ListenerAdapter {
    @Override
    public void executeInstruction(VM vm, ThreadInfo ti, Instruction insn) {
        if (insn instanceof INVOKESTATIC) {
            INVOKESTATIC call = (INVOKESTATIC) insn;
            if ("onSpinWait()V".equals(call.getInvokedMethodName()) && "java.lang.Thread".equals(call.getInvokedMethodClassName())) {
                ti.skipInstruction(insn.getNext());
            }
        }
    }
}
