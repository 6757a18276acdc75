package pvspec.checker.config;

import java.util.List;

/**
 * The built-in request templates: one or more per request kind of ABI v1, in the trace format
 * with {@code {domain}} placeholders. Together with {@link ArgumentDomains#defaults} they are
 * the alphabet a configuration explores unless it lists its own {@code #! request} lines.
 */
final class RequestTemplates {
    private RequestTemplates() {}

    static final List<String> DEFAULT = List.of(
            "{caller}: mmu_update ptr={mfn}[{index}] val={pte}",
            "{caller}: mmu_update foreigndom={dom} ptr={mfn}[0] val={mfn}:P|RW|US",
            "{caller}: mmuext_op pin_l1_table mfn={mfn}",
            "{caller}: mmuext_op pin_l2_table mfn={mfn}",
            "{caller}: mmuext_op pin_l3_table mfn={mfn}",
            "{caller}: mmuext_op pin_l4_table mfn={mfn}",
            "{caller}: mmuext_op unpin_table mfn={mfn}",
            "{caller}: mmuext_op new_baseptr mfn={mfn}",
            "{caller}: mmuext_op tlb_flush_local",
            "{caller}: mmuext_op invlpg_local va={va}",
            "{caller}: mmuext_op tlb_flush_all",
            "{caller}: mmuext_op invlpg_all va={va}",
            "{caller}: mmuext_op clear_page mfn={mfn}",
            "{caller}: mmuext_op flush_cache",
            "{caller}: mmuext_op mark_super mfn={mfn}",
            "{caller}: mmuext_op unmark_super mfn={mfn}",
            "{caller}: mmuext_op tlb_flush_multi vcpumask=3",
            "{caller}: mmuext_op invlpg_multi va={va} vcpumask=3",
            "{caller}: mmuext_op flush_cache_global",
            "{caller}: mmuext_op copy_page mfn={mfn} src_mfn={mfn}",
            "{caller}: mmuext_op cmd=99",
            "{caller}: update_va_mapping va={va} val={pte} flags={uvm}",
            "{caller}: set_trap_table {traps}",
            "{caller}: set_callbacks event={addr} failsafe={addr}",
            "{caller}: event_channel_op alloc_unbound dom={dom} remote_dom={dom}",
            "{caller}: event_channel_op bind_interdomain remote_dom={dom} remote_port={port}",
            "{caller}: event_channel_op bind_virq virq={virq} vcpu={vcpu}",
            "{caller}: event_channel_op bind_ipi vcpu={vcpu}",
            "{caller}: event_channel_op close port={port}",
            "{caller}: event_channel_op send port={port}",
            "{caller}: event_channel_op unmask port={port}",
            "{caller}: event_channel_op status dom={dom} port={port}",
            "{caller}: event_channel_op bind_vcpu port={port} vcpu={vcpu}",
            "{caller}: event_channel_op reset dom={dom}",
            "{caller}: event_channel_op reset_cont dom={dom}",
            "{caller}: event_channel_op cmd=99",
            "{caller}: clear_evtchn port={port}",
            "{caller}: mask_evtchn port={port}",
            "{caller}: grant_table_op map_grant_ref dom={dom} ref={ref} flags={gntmap} host_va={va}",
            "{caller}: grant_table_op unmap_grant_ref handle={handle}",
            "{caller}: grant_table_op cmd=99",
            "{caller}: grant ref={ref} domid={dom} frame={mfn} readonly={bool}",
            "{caller}: end_access ref={ref}",
            "{caller}: memory_op populate_physmap dom={dom} count={count}",
            "{caller}: memory_op decrease_reservation dom={dom} mfns={mfn}",
            "{caller}: memory_op maximum_reservation dom={dom}",
            "{caller}: memory_op current_reservation dom={dom}",
            "{caller}: memory_op cmd=99",
            "{caller}: domctl createdomain max_pages={pages} vcpus={vcpu}",
            "{caller}: domctl destroydomain dom={dom}",
            "{caller}: domctl pausedomain dom={dom}",
            "{caller}: domctl unpausedomain dom={dom}",
            "{caller}: domctl max_mem dom={dom} pages={pages}",
            "{caller}: domctl cmd=99",
            "{caller}: sched_op yield",
            "{caller}: sched_op block",
            "{caller}: sched_op shutdown",
            "{caller}: sched_op cmd=99",
            "{caller}: access read va={va}",
            "{caller}: access write va={va}",
            "{caller}: softint vector={vector}",
            "{caller}: hypercall nr=99",
            "{caller}: vm_assist cmd={vmasst_cmd} type={vmasst_type}",
            "{caller}: access write va={va} offset={ptwr_offset} value={pte}");
}
