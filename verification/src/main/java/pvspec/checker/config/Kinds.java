package pvspec.checker.config;

import java.util.List;
import pvspec.model.abi.Hypercall;

/**
 * The request kinds of ABI v1, as coverage counts them: each hypercall sub-operation is a kind
 * of its own ({@code event_channel_op send}, {@code mmuext_op pin_l1_table}), as are the guest
 * actions the model makes explicit. A test keeps {@link #ALL} in step with the ABI's sealed
 * hierarchy.
 */
public final class Kinds {
    private Kinds() {}

    public static final List<String> ALL = List.of(
            "mmu_update",
            "mmuext_op pin_l1_table", "mmuext_op pin_l2_table", "mmuext_op pin_l3_table", "mmuext_op pin_l4_table",
            "mmuext_op unpin_table", "mmuext_op new_baseptr", "mmuext_op tlb_flush_local", "mmuext_op invlpg_local",
            "mmuext_op tlb_flush_all", "mmuext_op invlpg_all", "mmuext_op clear_page", "mmuext_op flush_cache",
            "mmuext_op mark_super", "mmuext_op unmark_super", "mmuext_op tlb_flush_multi", "mmuext_op invlpg_multi",
            "mmuext_op flush_cache_global", "mmuext_op copy_page", "mmuext_op cmd",
            "update_va_mapping",
            "update_va_mapping_otherdomain",
            "set_trap_table",
            "set_callbacks",
            "event_channel_op alloc_unbound", "event_channel_op bind_interdomain", "event_channel_op bind_virq",
            "event_channel_op bind_ipi", "event_channel_op close", "event_channel_op send", "event_channel_op unmask",
            "event_channel_op status", "event_channel_op bind_vcpu", "event_channel_op reset",
            "event_channel_op reset_cont", "event_channel_op cmd",
            "clear_evtchn", "mask_evtchn",
            "grant_table_op map_grant_ref", "grant_table_op unmap_grant_ref", "grant_table_op cmd",
            "grant_table_op unmap_and_replace",
            "grant", "end_access",
            "memory_op populate_physmap", "memory_op decrease_reservation", "memory_op maximum_reservation",
            "memory_op current_reservation", "memory_op exchange", "memory_op cmd",
            "domctl createdomain", "domctl destroydomain", "domctl pausedomain", "domctl unpausedomain",
            "domctl max_mem", "domctl cmd",
            "sched_op yield", "sched_op block", "sched_op shutdown", "sched_op cmd",
            "access read", "access write",
            "softint",
            "hypercall",
            "mmuext_op new_user_baseptr", "iret", "multicall",
            "vm_assist",
            "callback_op register", "callback_op unregister", "callback_op cmd",
            "set_gdt", "update_descriptor", "mmuext_op set_ldt",
            "stack_switch", "set_segment_base",
            "grant_table_op transfer", "accept_transfer",
            "grant_table_op setup_table", "grant_table_op query_size", "grant_table_op copy",
            "grant_table_op set_version", "grant_table_op get_version", "grant_table_op get_status_frames",
            "grant_table_op swap_grant_ref");

    /** The kind of a request; a batch of several sub-operations is named by all of them. */
    public static String of(Hypercall h) {
        return h.kindOfEach();
    }
}
