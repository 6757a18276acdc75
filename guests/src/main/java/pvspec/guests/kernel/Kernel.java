package pvspec.guests.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;
import pvspec.guests.runner.VcpuContext;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.SetSegmentBase;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Domain;
import pvspec.model.state.Segments;

/**
 * A booted PV kernel's memory: its layout and the ports its vCPUs bound. Shared by its vCPU
 * programs (hence the atomics); every step that touches the machine goes through a vCPU's
 * hypercall page.
 */
public final class Kernel {
    /** 64-bit PV kernels run in ring 3 with this code selector ({@code FLAT_KERNEL_CS64}). */
    public static final int FLAT_KERNEL_CS64 = 0xe033;
    /** The system-call vector user space may raise with {@code INT}. */
    public static final int SYSCALL_VECTOR = 0x80;
    /** Exceptions 0 to 31 (divide error .. page fault ..): the kernel's, never raised by user {@code INT}. */
    public static final int EXCEPTIONS = 32;
    public static final int VIRQ_TIMER = 0;

    private final StartInfo start;
    private final KernelOptions options;
    private final Layout layout;
    private final AtomicIntegerArray timerPorts;
    private final AtomicIntegerArray ipiPorts;
    private final AtomicInteger ipisBound = new AtomicInteger();
    private final AtomicInteger ipisSent = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();

    private Kernel(StartInfo start, KernelOptions options, Layout layout) {
        this.start = start;
        this.options = options;
        this.layout = layout;
        this.timerPorts = new AtomicIntegerArray(start.vcpus());
        this.ipiPorts = new AtomicIntegerArray(start.vcpus());
    }

    /**
     * Boot on vCPU 0, as Linux's {@code xen_start_kernel} does: build and switch to the address
     * space, turn on writable page tables ({@code VMASST_TYPE_writable_pagetables}), install the
     * trap table and the callbacks, the kernel stack and the per-CPU %gs base, then give the first
     * process its user root ({@link #userRoot}). The other vCPUs are not running yet.
     */
    public static Kernel boot(VcpuContext cpu, StartInfo start, KernelOptions options) {
        HypercallPage hp = cpu.hypercalls();
        Kernel k = new Kernel(start, options, Layout.of(hp.config(), start.frames(), options.spare()));
        PageTables.build(hp, k.layout);
        hp.ok(Calls.enableAssist(Domain.VMASST_WRITABLE_PAGETABLES));
        hp.ok(Calls.setTrapTable(k.trapTable()));
        hp.ok(Calls.setCallbacks(k.textVa(), k.textVa()));
        k.cpuInit(hp, 0);
        k.userRoot(hp);
        return k;
    }

    /**
     * What Linux's {@code cpu_init} asks of Xen for a vCPU: its kernel stack ({@code load_sp0} ->
     * {@code HYPERVISOR_stack_switch(__KERNEL_DS, sp0)}) and its per-CPU area as the kernel's %gs
     * base ({@code wrmsr(MSR_GS_BASE)} -> {@code set_segment_base(SEGBASE_GS_KERNEL)}).
     */
    private void cpuInit(HypercallPage hp, int vcpu) {
        hp.ok(Calls.stackSwitch(Segments.FLAT_KERNEL_SS, textVa()));
        List<Long> data = layout.dataFrames();
        hp.ok(Calls.setSegmentBase(SetSegmentBase.GS_KERNEL, layout.vaOf(data.get(vcpu % data.size()))));
    }

    /**
     * The first process's user page tables, as Linux's {@code xen_pgd_alloc}/{@code xen_pgd_pin}
     * and {@code xen_write_cr3_user} make them: a zeroed page ({@code MMUEXT_CLEAR_PAGE}) becomes
     * read-only in the kernel's own mapping by a direct write to its L1 (emulated by Xen's
     * writable page tables, {@code make_lowmem_page_readonly}), is pinned as a top-level table
     * and loaded with {@code MMUEXT_NEW_USER_BASEPTR}. The kernel's second data page serves
     * (the first is its text); a kernel with fewer than three data pages has no user process.
     */
    private void userRoot(HypercallPage hp) {
        long frame = userRootFrame();
        if (frame < 0) return;
        hp.ok(Calls.clearPage(frame));
        Layout.Slot slot = layout.slotOf(frame);
        hp.ok(Calls.write(layout.vaOf(slot.table()), 8L * slot.index(), Pte.make(frame, PteFlag.P, PteFlag.US)));
        hp.ok(Calls.pin(layout.config().levels(), frame));
        hp.ok(Calls.newUserBaseptr(frame));
    }

    /** The frame of the first process's user root, or -1 when the kernel has too few data pages. */
    public long userRootFrame() {
        List<Long> data = layout.dataFrames();
        return data.size() >= 3 ? data.get(1) : -1;
    }

    public Layout layout() {
        return layout;
    }

    public StartInfo start() {
        return start;
    }

    public int domid() {
        return start.domid();
    }

    public int timerPort(int vcpu) {
        return timerPorts.get(vcpu);
    }

    public int ipiPort(int vcpu) {
        return ipiPorts.get(vcpu);
    }

    /** Where the handlers live: the first data page ("kernel text"). */
    public long textVa() {
        return layout.vaOf(layout.dataFrames().get(0));
    }

    /** Exceptions at DPL 0 (a user {@code INT n} on them faults), the system call at DPL 3. */
    public List<TrapInfo> trapTable() {
        return trapTable(textVa());
    }

    /** The trap table of a kernel whose handlers are at {@code text}: without one, a fault crashes the domain (x86_64/entry.S:629-634). */
    public static List<TrapInfo> trapTable(long text) {
        List<TrapInfo> traps = new ArrayList<>();
        for (int v = 0; v < EXCEPTIONS; v++) traps.add(new TrapInfo(v, 0, FLAT_KERNEL_CS64, text));
        traps.add(new TrapInfo(SYSCALL_VECTOR, 3, FLAT_KERNEL_CS64, text));
        return traps;
    }

    /**
     * Bring up vCPUs 1.. ({@code VCPUOP_up}): each runs {@link #smp} on the same address space.
     * Trap tables and callbacks are per vCPU in Xen ({@code curr->arch.pv.trap_ctxt},
     * pv/callback.c:344): each vCPU installs its own, as Linux's {@code cpu_initialize_context}
     * hands them to {@code VCPUOP_initialise} (not modelled: the vCPU makes the hypercalls).
     */
    public void startSecondaries(VcpuContext cpu) {
        for (int v = 1; v < start.vcpus(); v++) {
            int vcpu = v;
            cpu.spawn(Caller.kernel(domid(), v), c -> {
                c.hypercalls().ok(Calls.newBaseptr(layout.top()));
                c.hypercalls().ok(Calls.setTrapTable(trapTable()));
                c.hypercalls().ok(Calls.setCallbacks(textVa(), textVa()));
                cpuInit(c.hypercalls(), vcpu);
                smp(c, vcpu);
            });
        }
    }

    /**
     * What every vCPU does once it runs on the kernel's address space: bind its timer VIRQ and
     * its IPI port, send an IPI to the next vCPU and acknowledge its own, touch its share of
     * memory (writes to data pages, a read of the top-level table through its read-only mapping).
     */
    public void smp(VcpuContext cpu, int vcpu) {
        HypercallPage hp = cpu.hypercalls();
        int n = start.vcpus();
        timerPorts.set(vcpu, (int) hp.value(Calls.bindVirq(VIRQ_TIMER, vcpu)));
        ipiPorts.set(vcpu, (int) hp.value(Calls.bindIpi(vcpu)));
        ipisBound.incrementAndGet();
        cpu.await(() -> ipisBound.get() == n);
        hp.ok(Calls.send(ipiPorts.get((vcpu + 1) % n)));
        ipisSent.incrementAndGet();
        cpu.await(() -> ipisSent.get() == n);
        hp.ok(Calls.clearEvtchn(ipiPorts.get(vcpu)));
        touch(hp, vcpu);
        finished.incrementAndGet();
    }

    private void touch(HypercallPage hp, int vcpu) {
        List<Long> data = layout.dataFrames();
        int n = start.vcpus();
        for (int i = vcpu; i < data.size(); i += n) {
            if (i % options.touchStride() == 0 && data.get(i) != userRootFrame()) hp.ok(Calls.write(layout.vaOf(data.get(i))));
        }
        if (vcpu == 0) hp.ok(Calls.read(layout.vaOf(layout.top())));
    }

    /** Wait until every vCPU has finished {@link #smp}. */
    public void awaitAll(VcpuContext cpu) {
        cpu.await(() -> finished.get() == start.vcpus());
    }

    public void shutdown(VcpuContext cpu) {
        cpu.hypercalls().ok(Calls.shutdown());
    }
}
