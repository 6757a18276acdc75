package pvspec.model.abi.check;

/** The Xen source files the checks cite (paths in the Xen tree at the commit pvspec follows, c447b7308b13). */
final class Xen {
    private Xen() {}

    static final String MM = "xen/arch/x86/mm.c";
    static final String PAGE_ALLOC = "xen/common/page_alloc.c";
    static final String PV_HYPERCALL = "xen/arch/x86/pv/hypercall.c";
    static final String ENTRY_S = "xen/arch/x86/x86_64/entry.S";
    static final String MULTICALL = "xen/common/multicall.c";
    static final String PV_CALLBACK = "xen/arch/x86/pv/callback.c";
    static final String PV_DESCRIPTORS = "xen/arch/x86/pv/descriptor-tables.c";
    static final String PV_GRANT_TABLE = "xen/arch/x86/pv/grant_table.c";
    static final String EVENT_CHANNEL = "xen/common/event_channel.c";
    static final String GRANT_TABLE = "xen/common/grant_table.c";
    static final String MEMORY = "xen/common/memory.c";
    static final String DOMCTL = "xen/common/domctl.c";
    static final String DOMAIN = "xen/common/domain.c";
    static final String SCHED_CORE = "xen/common/sched/core.c";
    static final String PV_MISC = "xen/arch/x86/pv/misc-hypercalls.c";
}
