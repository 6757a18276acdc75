package pvspec.model.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import pvspec.model.abi.Result;

/**
 * The specification's own table of contents: for each hypercall family, the class holding its
 * rules and every refusal it can make, in the order the rules check them. {@code pvspec spec}
 * prints it, so the documentation is the code.
 */
public final class Catalogue {
    private Catalogue() {}

    /** One refusal: its name in the rules, what the guest gets, and the rule in words. */
    public record Entry(String name, Result result, String sentence) {}

    /** One family of requests and every refusal its rules (and the shared rules they use) can make. */
    public record Family(String name, String rulesClass, List<Entry> refusals) {}

    public static List<Family> families() {
        return List.of(
                family("every request (caller checks)", Step.class, Step.REFUSALS),
                family("mmu_update", MmuUpdateRules.class, MmuUpdateRules.REFUSALS, EntryUpdates.REFUSALS, PageTypes.REFUSALS),
                family("mmuext_op", MmuextOpRules.class, MmuextOpRules.REFUSALS, PageTypes.REFUSALS),
                family("update_va_mapping", UpdateVaMappingRules.class, UpdateVaMappingRules.REFUSALS, EntryUpdates.REFUSALS, PageTypes.REFUSALS),
                family("set_trap_table, set_callbacks, softint", TrapRules.class, TrapRules.REFUSALS),
                family("event_channel_op, clear_evtchn, mask_evtchn", EventChannelRules.class, EventChannelRules.REFUSALS),
                family("grant_table_op, grant, end_access", GrantTableRules.class, GrantTableRules.REFUSALS),
                family("memory_op", MemoryOpRules.class, MemoryOpRules.REFUSALS),
                family("domctl", DomctlRules.class, DomctlRules.REFUSALS),
                family("sched_op", SchedOpRules.class, SchedOpRules.REFUSALS),
                family("access (not a hypercall)", AccessRules.class));
    }

    /** The classes whose refusal constants the catalogue lists. */
    static List<Class<?>> rulesClasses() {
        return List.of(Step.class, MmuUpdateRules.class, EntryUpdates.class, PageTypes.class, MmuextOpRules.class,
                UpdateVaMappingRules.class, TrapRules.class, EventChannelRules.class, GrantTableRules.class, MemoryOpRules.class,
                DomctlRules.class, SchedOpRules.class);
    }

    @SafeVarargs
    private static Family family(String name, Class<?> rules, List<Refusal>... lists) {
        List<Entry> entries = new ArrayList<>();
        for (List<Refusal> list : lists) for (Refusal r : list) entries.add(new Entry(nameOf(r), r.result(), r.sentence()));
        return new Family(name, rules.getName(), entries);
    }

    /** The constant's name, {@code Class.FIELD}, found where it is declared. */
    static String nameOf(Refusal r) {
        for (Class<?> c : rulesClasses()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Refusal.class) continue;
                try {
                    f.setAccessible(true);
                    if (f.get(null) == r) return c.getSimpleName() + "." + f.getName();
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("an unlisted refusal: " + r);
    }
}
