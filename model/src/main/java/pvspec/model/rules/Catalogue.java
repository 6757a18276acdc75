package pvspec.model.rules;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.check.Area;
import pvspec.model.abi.check.Check;

/**
 * The specification's own table of contents: for each hypercall family, the class holding its
 * rules and every check it can refuse with (its own and those of the shared disciplines it
 * uses), in the order the rules make them. {@code pvspec spec} prints it, so the documentation
 * is the code; the checks themselves are declared once, in {@link Check}.
 */
public final class Catalogue {
    private Catalogue() {}

    /** One family of requests and every check its rules (and the shared rules they use) can refuse with. */
    public record Family(String name, String rulesClass, List<Check> refusals) {}

    public static List<Family> families() {
        return List.of(
                family("every request (caller checks)", Step.class, Area.CALLER),
                family("mmu_update", MmuUpdateRules.class, Area.MMU_UPDATE, Area.ENTRY_UPDATES, Area.PAGE_TYPES),
                family("mmuext_op", MmuextOpRules.class, Area.MMUEXT_OP, Area.PAGE_TYPES),
                family("update_va_mapping", UpdateVaMappingRules.class, Area.UPDATE_VA_MAPPING, Area.ENTRY_UPDATES, Area.PAGE_TYPES),
                family("set_trap_table, set_callbacks, callback_op, softint", TrapRules.class, Area.TRAPS),
                family("set_gdt, update_descriptor, mmuext_op set_ldt", DescriptorRules.class, Area.DESCRIPTORS),
                family("event_channel_op, clear_evtchn, mask_evtchn", EventChannelRules.class, Area.EVENT_CHANNELS),
                family("grant_table_op, grant, end_access", GrantTableRules.class, Area.GRANT_TABLES),
                family("memory_op", MemoryOpRules.class, Area.MEMORY_OP),
                family("domctl", DomctlRules.class, Area.DOMCTL),
                family("sched_op", SchedOpRules.class, Area.SCHED_OP),
                family("access (not a hypercall; writable page tables emulate a kernel's write to its own L1, never refused: a declined write is a #PF)", AccessRules.class),
                family("iret", IretRules.class),
                family("multicall", MulticallRules.class, Area.MULTICALL),
                family("vm_assist", VmAssistRules.class, Area.VM_ASSIST),
                family("stack_switch, set_segment_base", SegmentRules.class, Area.SEGMENTS));
    }

    private static Family family(String name, Class<?> rules, Area... areas) {
        List<Check> checks = new ArrayList<>();
        for (Area a : areas) for (Check c : Check.values()) if (c.area() == a) checks.add(c);
        return new Family(name, rules.getName(), checks);
    }
}
