package pvspec.model.invariant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.model.trace.TraceStep;

/**
 * The obligation matrix: every hypercall family, from several worlds, with valid and hostile
 * requests, preserves every invariant. Adding an invariant to {@link Invariants#ALL} adds a
 * column; adding a family here adds a row.
 */
class FamilyInvariantMatrixTest {
    /** Worlds to start from: the standard guest, plus a linked event channel, a mapped grant, a linear entry, a dying domain. */
    static final List<String> WORLDS = List.of(
            "",
            "d1: event_channel_op alloc_unbound dom=self remote_dom=2 -> 1\nd2: event_channel_op bind_interdomain remote_dom=1 remote_port=1 -> 1\n",
            "d2: grant ref=0 domid=1 frame=9 readonly=false -> OK\nd1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2 -> 0\nd1: access write va=0.2 -> OK\n",
            "d1: mmu_update ptr=1[3] val=1:P|US -> OK\nd1: access read va=3.0 -> OK\n",
            "d1: grant ref=0 domid=2 frame=4 readonly=true -> OK\ndom0: domctl destroydomain dom=1 -> OK\n");

    static final Map<String, List<String>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("mmu_update", List.of("d1: mmu_update ptr=2[2] val=4:P|RW|US", "d1: mmu_update ptr=2[2] val=1:P|RW|US",
                "d1: mmu_update ptr=1[1] val=4:P|US", "d1: mmu_update ptr=2[0] val=0", "d1: mmu_update ptr=1[0] val=0",
                "d1: mmu_update ptr=1[3] val=1:P|RW|US", "d1: mmu_update ptr=4[0] val=3:P|RW|US ptr=1[1] val=4:P|US",
                "dom0: mmu_update foreigndom=1 ptr=2[2] val=4:P|US", "d2: mmu_update ptr=7[0] val=9:P|RW|US"));
        FAMILIES.put("mmuext_op", List.of("d1: mmuext_op pin_l1_table mfn=4", "d1: mmuext_op unpin_table mfn=1",
                "d1: mmuext_op pin_l2_table mfn=2", "d1: mmuext_op new_baseptr mfn=1", "d1: mmuext_op tlb_flush_all ; invlpg_local va=0.0",
                "d1: mmuext_op clear_page mfn=3", "d2: mmuext_op pin_l2_table mfn=7 ; new_baseptr mfn=7", "d1: mmuext_op mark_super mfn=4"));
        FAMILIES.put("update_va_mapping", List.of("d1: update_va_mapping va=0.2 val=5:P|RW|US flags=invlpg|all",
                "d1: update_va_mapping va=0.0 val=0 flags=tlb_flush|local", "d1: update_va_mapping va=0.1 val=2:P|RW|US flags=none",
                "d1: update_va_mapping va=3.0 val=0 flags=none"));
        FAMILIES.put("set_trap_table", List.of("d1: set_trap_table trap=14,0,0xe030,0.1", "d1: set_trap_table trap=14,0,0xe033,2.0",
                "d1: set_trap_table"));
        FAMILIES.put("set_callbacks", List.of("d1: set_callbacks event=0.1 failsafe=0.2", "d1: set_callbacks event=2.2 failsafe=0"));
        FAMILIES.put("event_channel_op", List.of("d1: event_channel_op alloc_unbound dom=self remote_dom=2",
                "d2: event_channel_op bind_interdomain remote_dom=1 remote_port=1", "d1: event_channel_op bind_virq virq=0 vcpu=1",
                "d1: event_channel_op bind_ipi vcpu=1", "d1: event_channel_op close port=1", "d2: event_channel_op send port=1",
                "d1: event_channel_op unmask port=1", "d1: event_channel_op status dom=2 port=1"));
        FAMILIES.put("event_channel_write", List.of("d1: clear_evtchn port=1", "d1: mask_evtchn port=1"));
        FAMILIES.put("grant_table_op", List.of("d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.3",
                "d1: grant_table_op unmap_grant_ref handle=0 host_va=0.3", "d2: grant_table_op map_grant_ref dom=1 ref=0 flags=host_map|readonly host_va=0.0",
                "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=device_map|host_map|contains_pte host_va=2[3]",
                "d1: grant_table_op unmap_grant_ref handle=0 host_va=0 dev_bus_addr=0x9000", "d1: grant_table_op unmap_and_replace handle=0 host_va=0.3 new_va=0.0"));
        FAMILIES.put("grant_table_write", List.of("d2: grant ref=0 domid=1 frame=10 readonly=false", "d2: end_access ref=0",
                "d1: grant ref=1 domid=2 frame=2 readonly=true"));
        FAMILIES.put("memory_op", List.of("d1: memory_op decrease_reservation dom=self mfns=3,2,1", "dom0: memory_op populate_physmap dom=2 count=3",
                "d1: memory_op populate_physmap dom=2 count=1", "dom0: memory_op decrease_reservation dom=2 mfns=9,10"));
        FAMILIES.put("domctl", List.of("dom0: domctl destroydomain dom=1", "dom0: domctl destroydomain dom=2", "dom0: domctl pausedomain dom=2",
                "dom0: domctl createdomain max_pages=2 vcpus=1", "d1: domctl destroydomain dom=2", "dom0: domctl max_mem dom=1 pages=0"));
        FAMILIES.put("sched_op", List.of("d1: sched_op block", "d1.v1: sched_op shutdown", "d2: sched_op yield"));
        FAMILIES.put("access", List.of("d1: access write va=0.0", "d1: access write va=0.2", "d1/user: access read va=3.1", "d1: access read va=2.0"));
        FAMILIES.put("softint", List.of("d1: softint vector=14", "d1/user: softint vector=128"));
        FAMILIES.put("unknown", List.of("d1: hypercall nr=17", "d1/user: domctl createdomain max_pages=1 vcpus=1"));
        FAMILIES.put("stack_switch, set_segment_base", List.of("d1: stack_switch ss=0xe028 sp=0.1", "d1.v1: stack_switch ss=0 sp=-1",
                "d1: set_segment_base which=fs base=0.2", "d1: set_segment_base which=gs_user_sel base=0x10", "d1: set_segment_base which=gs_kernel base=-1"));
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (String family : FAMILIES.keySet()) for (Invariant i : Invariants.ALL) out.add(Arguments.of(family, i.id() + " " + i.name()));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} preserves {1}")
    @MethodSource("cells")
    void everyRequestOfTheFamilyPreservesTheInvariant(String family, String invariant) {
        Invariant inv = Invariants.byId(invariant.split(" ")[0]);
        int steps = 0;
        for (String world : WORLDS) {
            State s = Fixture.oneGuest(world);
            for (String line : FAMILIES.get(family)) {
                TraceStep t = Fixture.line(s.config(), line);
                Outcome o = Step.step(s, t.caller(), t.call());
                assertThat(inv.checkStep(s, t.caller(), t.call(), o.result(), Facts.of(o.state())))
                        .as("%s after '%s' in world %s", inv, line, world.isEmpty() ? "standard" : world.lines().findFirst().orElse(""))
                        .isEmpty();
                steps++;
            }
        }
        assertThat(steps).isPositive();
    }

    @org.junit.jupiter.api.Test
    void theConjunctionReportsEveryBrokenInvariant() {
        State s = Fixture.oneGuest();
        State broken = s.withFrame(3, s.frame(3).withCount(9)).withFrame(12, s.frame(12).withCount(1));
        assertThat(Invariants.check(broken)).extracting(Violation::invariant).contains("INV-6", "INV-7");
        assertThat(Invariants.checkStep(s, pvspec.model.abi.Caller.kernel(1), new pvspec.model.abi.SchedOp.Yield(), pvspec.model.abi.Result.OK, broken))
                .extracting(Violation::invariant).contains("INV-6", "INV-7");
        assertThat(Invariants.check(s)).isEmpty();
        assertThat(Invariants.ALL).extracting(Invariant::name).containsExactly("ownership", "type-exclusive", "no-writable-pagetable",
                "well-typed-tree", "hypervisor-slots", "exact-counts", "reclaim-and-scrub", "memory-isolation", "trap-table", "privilege",
                "event-channels", "grants", "lifecycle");
        assertThat(Invariants.byId("exact-counts").id()).isEqualTo("INV-6");
        assertThat(Invariants.ALL.get(2).toString()).isEqualTo("INV-3 no-writable-pagetable");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Invariants.byId("INV-99")).isInstanceOf(IllegalArgumentException.class);
    }
}
