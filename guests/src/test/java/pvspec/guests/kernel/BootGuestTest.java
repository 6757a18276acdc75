package pvspec.guests.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;
import pvspec.guests.runner.RunReport;
import pvspec.guests.runner.Runner;
import pvspec.guests.testing.Configs;
import pvspec.model.abi.Access;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Result;
import pvspec.model.abi.SchedOp;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.PageType;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;
import pvspec.model.trace.TraceStep;

/** A PV kernel boots, uses its machine and shuts down; every invariant holds after every step. */
class BootGuestTest {

    record Shape(String name, Config config, int pages, int vcpus) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> machines() {
        List<Shape> shapes = List.of(
                new Shape("small 2x4", Configs.small(), 8, 1),
                new Shape("medium 3x8", Configs.medium3(), 100, 2),
                new Shape("medium 4x8", Configs.medium4(), 200, 4));
        List<Arguments> out = new ArrayList<>();
        for (Target t : Targets.all()) for (Shape s : shapes) out.add(Arguments.of(t, s));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("machines")
    void kernelBootsTouchesItsMemoryAndIsDestroyedCleanly(Target target, Shape shape) {
        AtomicReference<State> atShutdown = new AtomicReference<>();
        Hypercalls machine = new Checked(Checked.invariants(target.boot(shape.config())), (before, c, h, r, after) -> {
            if (h instanceof SchedOp.Shutdown) atShutdown.set(before);
        });
        BootGuest boot = new BootGuest(shape.pages(), shape.vcpus(), KernelOptions.domU());
        RunReport report = Runner.deterministic(machine, 42).run(pvspec.model.abi.Caller.kernel(0), boot);

        Kernel k = boot.guest().kernel();
        Layout layout = k.layout();
        State s = atShutdown.get();
        assertThat(s).as("the kernel shut down").isNotNull();
        Domain d = s.dom(k.domid());
        // The address space: the top level pinned, every vCPU on it, tables typed, data writable.
        assertThat(s.frame(layout.top()).pinned()).isTrue();
        for (int v = 0; v < shape.vcpus(); v++) assertThat(d.vcpu(v).baseptr()).isEqualTo(layout.top());
        for (int level = 1; level <= shape.config().levels(); level++) {
            for (long t : layout.tables(level)) assertThat(s.frame(t).type()).isEqualTo(PageType.table(level));
        }
        // The data writable, but the first process's user root: pinned as the top level, on vCPU 0,
        // read-only in the kernel's mapping (its direct write to the L1, emulated by Xen).
        long userRoot = k.userRootFrame();
        assertThat(userRoot).as("every shape has room for a user process").isNotNegative();
        for (long f : layout.dataFrames()) {
            assertThat(s.frame(f).type()).isEqualTo(f == userRoot ? PageType.table(shape.config().levels()) : PageType.WRITABLE);
        }
        {
            assertThat(s.frame(userRoot).pinned()).isTrue();
            assertThat(d.vcpu(0).userBaseptr()).isEqualTo(userRoot);
            assertThat(d.vmAssist(Domain.VMASST_WRITABLE_PAGETABLES)).isTrue();
        }
        // Each vCPU set its kernel stack (RPL 3) and its per-CPU %gs base.
        for (int v = 0; v < shape.vcpus(); v++) {
            assertThat(d.vcpu(v).segments().kernelSs()).isEqualTo(0xe02b);
            assertThat(d.vcpu(v).segments().gsBaseKernel()).isEqualTo(layout.vaOf(layout.dataFrames().get(v % layout.dataFrames().size())));
        }
        // Traps, per vCPU: exceptions at DPL 0, the system call at DPL 3, all in guest-kernel ring 3.
        for (int v = 0; v < shape.vcpus(); v++) {
            Vcpu vc = d.vcpu(v);
            assertThat(vc.traps()).hasSize(Kernel.EXCEPTIONS + 1);
            assertThat(vc.traps().get(14).dpl()).isZero();
            assertThat(vc.traps().get(Kernel.SYSCALL_VECTOR).dpl()).isEqualTo(3);
            for (TrapInfo t : vc.traps().values()) assertThat(t.rpl()).isEqualTo(3);
            assertThat(vc.callbacks().event()).isNotZero();
            assertThat(vc.callbacks().failsafe()).isNotZero();
        }
        // Events: a timer VIRQ and an IPI per vCPU, the IPIs acknowledged.
        for (int v = 0; v < shape.vcpus(); v++) {
            assertThat(d.port(k.timerPort(v)).state()).isEqualTo(new PortState.Virq(Kernel.VIRQ_TIMER));
            assertThat(d.port(k.timerPort(v)).notifyVcpu()).isEqualTo(v);
            assertThat(d.port(k.ipiPort(v)).state()).isEqualTo(PortState.IPI);
            assertThat(d.port(k.ipiPort(v)).notifyVcpu()).isEqualTo(v);
            assertThat(d.port(k.ipiPort(v)).pending()).isFalse();
        }
        // Every data page but the user root was written, without a fault; so was the L1 entry that maps the user root (ptwr).
        long writes = report.trace().steps().stream().filter(st -> st.call() instanceof Access && ((Access) st.call()).write()).count();
        assertThat(writes).isEqualTo(layout.dataFrames().size());
        assertThat(report.results()).doesNotContain(Result.FAULT);
        // After destroydomain every frame of the guest is free again.
        State end = machine.abstractState();
        assertThat(end.domains().keySet()).containsExactly(DomId.DOM0);
        for (long f : layout.frames()) assertThat(end.frame(f).isFree()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pvspec.guests.testing.TargetSource#targets")
    void theSameSeedGivesTheSameTrace(Target target) {
        String first = bootTrace(target, 7);
        assertThat(bootTrace(target, 7)).isEqualTo(first);
        assertThat(bootTrace(target, 8)).isNotEqualTo(first);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pvspec.guests.testing.TargetSource#targets")
    void onRealThreadsTheKernelEndsInTheSameStateAsScheduled(Target target) {
        Hypercalls scheduled = target.boot(Configs.medium4());
        Runner.deterministic(scheduled, 3).run(pvspec.model.abi.Caller.kernel(0), new BootGuest(60, 4, KernelOptions.domU()));
        Hypercalls threaded = Checked.invariants(target.boot(Configs.medium4()));
        RunReport r = Runner.threads(threaded).run(pvspec.model.abi.Caller.kernel(0), new BootGuest(60, 4, KernelOptions.domU()));
        assertThat(r.results()).doesNotContain(Result.FAULT);
        assertThat(threaded.abstractState()).isEqualTo(scheduled.abstractState());
    }

    private static String bootTrace(Target target, long seed) {
        Hypercalls m = target.boot(Configs.medium4());
        List<TraceStep> steps = Runner.deterministic(m, seed).run(pvspec.model.abi.Caller.kernel(0),
                new BootGuest(40, 4, KernelOptions.domU())).trace().steps();
        return new pvspec.model.trace.Trace(m.config(), steps).print();
    }

    static Frame frame(State s, long mfn) {
        return s.frame(mfn);
    }
}
