package pvspec.model.abi.check;

import static pvspec.model.abi.Errno.EACCES;
import static pvspec.model.abi.Errno.EBUSY;
import static pvspec.model.abi.Errno.EEXIST;
import static pvspec.model.abi.Errno.EFAULT;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOENT;
import static pvspec.model.abi.Errno.ENOMEM;
import static pvspec.model.abi.Errno.ENOSPC;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EOPNOTSUPP;
import static pvspec.model.abi.Errno.EOVERFLOW;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.abi.Gntst.GNTST_bad_copy_arg;
import static pvspec.model.abi.Gntst.GNTST_bad_dev_addr;
import static pvspec.model.abi.Gntst.GNTST_bad_domain;
import static pvspec.model.abi.Gntst.GNTST_bad_gntref;
import static pvspec.model.abi.Gntst.GNTST_bad_handle;
import static pvspec.model.abi.Gntst.GNTST_bad_page;
import static pvspec.model.abi.Gntst.GNTST_bad_virt_addr;
import static pvspec.model.abi.Gntst.GNTST_eagain;
import static pvspec.model.abi.Gntst.GNTST_general_error;
import static pvspec.model.abi.Gntst.GNTST_no_space;
import static pvspec.model.abi.Gntst.GNTST_permission_denied;
import static pvspec.model.abi.check.Area.CALLER;
import static pvspec.model.abi.check.Area.DESCRIPTORS;
import static pvspec.model.abi.check.Area.DOMCTL;
import static pvspec.model.abi.check.Area.ENTRY_UPDATES;
import static pvspec.model.abi.check.Area.EVENT_CHANNELS;
import static pvspec.model.abi.check.Area.GRANT_TABLES;
import static pvspec.model.abi.check.Area.MEMORY_OP;
import static pvspec.model.abi.check.Area.MMUEXT_OP;
import static pvspec.model.abi.check.Area.MMU_UPDATE;
import static pvspec.model.abi.check.Area.MULTICALL;
import static pvspec.model.abi.check.Area.PAGE_TYPES;
import static pvspec.model.abi.check.Area.SCHED_OP;
import static pvspec.model.abi.check.Area.SEGMENTS;
import static pvspec.model.abi.check.Area.TRAPS;
import static pvspec.model.abi.check.Area.UPDATE_VA_MAPPING;
import static pvspec.model.abi.check.Area.VM_ASSIST;
import static pvspec.model.abi.check.Citation.CLOSEST;
import static pvspec.model.abi.check.Citation.XEN;

import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;

/**
 * Every refusal of ABI v1, once: the registry. Within an area the checks stand in the order the
 * rules make them (Xen's order); the first failing check decides the result.
 *
 * <p>Each check cites the Xen function that makes it ({@link #citation()}). {@link
 * Citation#CLOSEST} marks a check with no counterpart of its own in Xen (a field width Xen's
 * types enforce, or a rule where pvspec departs on purpose): it cites the nearest function.
 */
public enum Check {
    // Every request: the caller.
    NOT_RUNNING(CALLER, CLOSEST, Xen.PV_HYPERCALL, "pv_hypercall", "caller-not-running", ESRCH,
            "the caller is not a running vCPU (no such domain or vCPU, or paused, shut down, dying or blocked)"),
    /** XSA-213's lesson: hypercalls are guest-kernel operations. */
    USER_MODE(CALLER, CLOSEST, Xen.ENTRY_S, "lstar_enter", "user-mode", EPERM,
            "hypercalls are accepted only from guest kernel mode"),
    UNKNOWN_HYPERCALL(CALLER, XEN, Xen.PV_HYPERCALL, "_pv_hypercall", "unknown-hypercall", ENOSYS,
            "no such hypercall in ABI v1"),

    // mmu_update.
    MMU_FOREIGN_IS_SELF(MMU_UPDATE, XEN, Xen.PAGE_ALLOC, "get_pg_owner", "foreign-is-self", ESRCH,
            "foreigndom names the caller itself; it must be DOMID_SELF"),
    MMU_FOREIGN_UNKNOWN(MMU_UPDATE, XEN, Xen.PAGE_ALLOC, "get_pg_owner", "unknown-domain", ESRCH,
            "foreigndom names no live domain"),
    /** XSM {@code mmu_update}: only the control domain maps other domains' frames. */
    MMU_FOREIGN_NOT_PRIVILEGED(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "xsm-mmu-update", EPERM,
            "only the control domain may map another domain's frames"),
    MMU_BAD_PTR(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "bad-ptr", EINVAL,
            "the entry pointer names no frame or no slot"),
    MMU_NOT_OWNED(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "not-pt-owner", EINVAL,
            "the page table is not the page-table owner's (the caller's, unless foreigndom >> 16 names another)"),
    /** mm.c:4139-4200: page_lock succeeds on a typed page, and the type switch has no case for PGT_seg_desc_page (rc stays -EINVAL, :4104). */
    MMU_SEG_DESC_PAGE(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "seg-desc-page", EINVAL,
            "the frame is in use as a GDT or LDT page: mmu_update does not write it"),
    /** {@code mod_l2..l4_entry} run only when foreigndom is the table owner. */
    MMU_FOREIGN_UPPER(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "foreign-upper-entry", EINVAL,
            "an L2/L3/L4 entry can only be written when the page owner is the page-table owner"),
    /** {@code rcu_lock_domain_by_id(pt_dom - 1)}: no DOMID_SELF here, a dying domain is found (mm.c:4036-4040). */
    MMU_PT_OWNER_UNKNOWN(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "pt-owner-unknown", ESRCH,
            "foreigndom >> 16 (the page-table owner plus one) names no domain"),
    /** {@code cmd = req.ptr & 7}: 4..7 fall to the switch's default (mm.c:4256-4258). */
    MMU_UNKNOWN_CMD(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "unknown-cmd", ENOSYS,
            "the request's command (ptr & 7) is none of the four mmu_update commands"),
    /** {@code MMU_MACHPHYS_UPDATE} with a foreign page-table owner (mm.c:4217-4221). */
    MMU_MACHPHYS_PT_OWNER(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "machphys-pt-owner", EPERM,
            "an M2P update cannot name another page-table owner than the caller"),
    /** XSA-113: {@code get_page_from_mfn(mfn, pg_owner)} (mm.c:4241-4248). */
    MMU_MACHPHYS_NOT_OWNED(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "machphys-get-page", EINVAL,
            "the frame whose M2P entry is written is not a frame of the page owner"),
    /**
     * A partially (de)validated table ({@code PGT_partial}): {@code page_lock} fails on a page
     * that is not {@code PGT_validated} (mm.c:2054-2057), and the fallback
     * {@code get_page_type(page, PGT_writable_page)} fails on its page-table type (mm.c:4190),
     * leaving {@code rc = -EINVAL} (mm.c:4104).
     */
    MMU_PARTIAL_TABLE(MMU_UPDATE, XEN, Xen.MM, "do_mmu_update", "not-validated", EINVAL,
            "the page table is partially validated (a preempted validation or devalidation): neither a table entry nor writable memory"),

    // Writing an entry of a validated table (mmu_update, update_va_mapping).
    HYPERVISOR_SLOT(ENTRY_UPDATES, XEN, Xen.MM, "mod_l4_entry", "xen-slot", EINVAL,
            "the slot is reserved for the hypervisor"),

    // The reference and type discipline (every request that validates entries).
    /** {@code l1_disallow_mask}; {@code mod_l1_entry} makes the same check before its fast path. */
    L1_DISALLOWED_FLAGS(PAGE_TYPES, XEN, Xen.MM, "get_page_from_l1e", "disallowed-flags", EINVAL,
            "an L1 entry may set only P, RW, US, A, D, G, NX and the available bits (9-11, 52-61)"),
    /** Every frame of the model is RAM: anything else is I/O memory, and no domain holds I/O capabilities. */
    L1_NOT_RAM(PAGE_TYPES, XEN, Xen.MM, "get_page_from_l1e", "iomem-not-permitted", EPERM,
            "the entry maps a frame that is not RAM of this machine"),
    L1_NOT_OWNED(PAGE_TYPES, XEN, Xen.MM, "get_page_from_l1e", "get-page", EBUSY,
            "the entry maps a frame the expected owner does not own"),
    /** A writable mapping needs the writable type, which a page table cannot get. */
    L1_NOT_WRITABLE(PAGE_TYPES, XEN, Xen.MM, "get_page_from_l1e", "get-writable-type", EBUSY,
            "a writable entry maps a frame that is in use as a page table"),
    /** {@code L2/L3/L4_DISALLOW_MASK}: no PSE (superpages) and no G above L1. */
    UPPER_DISALLOWED_FLAGS(PAGE_TYPES, XEN, Xen.MM, "get_page_from_l2e", "disallowed-flags", EINVAL,
            "an L2/L3/L4 entry may set only P, RW, US, A, D, NX and the available bits (no PSE, no G)"),
    /**
     * Also the refusal of a failed linear entry: Xen tries the linear rules
     * ({@code get_lN_linear_pagetable}, mm.c:667-734) only to rescue this {@code EINVAL}, and
     * returns it when they fail (mm.c:1133-1135).
     */
    UPPER_NOT_OWNED(PAGE_TYPES, XEN, Xen.MM, "get_page_and_type_from_mfn", "get-page", EINVAL,
            "the entry points to a frame the table's owner does not own (and is no valid linear entry)"),
    /** Likewise the refusal of a failed linear entry to a table of the same owner. */
    UPPER_BAD_TYPE(PAGE_TYPES, XEN, Xen.MM, "get_page_and_type_from_mfn", "get-page-type", EINVAL,
            "the entry points to a frame that cannot be a table of the next level down (and is no valid linear entry)"),

    // mmuext_op.
    MMUEXT_NOT_OWNED(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "get-page", EINVAL,
            "the frame is not the caller's"),
    /** The type is in use as something else, or the contents do not validate as that level. */
    MMUEXT_BAD_TYPE(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "get-page-type", EINVAL,
            "the frame is in use as something other than a table of that level"),
    /** Pins do not nest. */
    MMUEXT_ALREADY_PINNED(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "already-pinned", EINVAL,
            "the table is already pinned"),
    MMUEXT_NOT_PINNED(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "not-pinned", EINVAL,
            "the table is not pinned"),
    /** {@code MMUEXT_CLEAR_PAGE} takes the writable type for the duration. */
    MMUEXT_NOT_WRITABLE(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "clear-page-type", EINVAL,
            "only a frame that could be mapped writable (not a page table) can be cleared"),
    /** {@code get_page_from_gfn(pg_owner, src_mfn)} fails: not a frame of the caller. */
    MMUEXT_COPY_BAD_SOURCE(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "copy-page-src", EINVAL,
            "the frame to copy from is not the caller's"),
    /** {@code get_page_from_gfn(pg_owner, mfn)} or {@code get_page_type(dst, PGT_writable_page)} fails. */
    MMUEXT_COPY_BAD_TARGET(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "copy-page-dst", EINVAL,
            "the frame to copy to is not the caller's, or is in use as a page table"),
    MMUEXT_NO_CACHE_FLUSH(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "flush-cache-privilege", EACCES,
            "flushing caches needs I/O privilege, which only the control domain has"),
    MMUEXT_NO_SUPERPAGES(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "mark-super", EOPNOTSUPP,
            "PV superpages were removed from Xen"),
    MMUEXT_UNKNOWN_COMMAND(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "unknown-command", ENOSYS,
            "no such mmuext command in ABI v1"),
    /** {@code xsm_mmuext_op(XSM_TARGET, currd, pg_owner)} before the loop (mm.c:3503-3508); dom_io is no exception here. */
    MMUEXT_XSM(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "xsm-mmuext-op", EPERM,
            "only the control domain may name a foreign domain (DOMID_IO and DOMID_XEN included)"),
    /** {@code currd != pg_owner} for the commands on the caller's own vCPU state (mm.c:3681-3839). */
    MMUEXT_FOREIGN_CMD(MMUEXT_OP, XEN, Xen.MM, "do_mmuext_op", "not-pg-owner", EPERM,
            "base pointers, flushes and the LDT are the caller's own: foreigndom must be the caller"),

    // update_va_mapping.
    UVA_VCPU_MASK(UPDATE_VA_MAPPING, XEN, Xen.MM, "__do_update_va_mapping", "vcpumask", EFAULT,
            "the flags carry a vCPU-mask pointer (UVMF_MULTI), which cannot be read; the entry stays written"),
    /** {@code map_guest_l1e}: the address must be mapped by one of the caller's L1 tables. */
    /** {@code xsm_update_va_mapping(XSM_TARGET, d, pg_owner)} first (mm.c:4484-4486): only the otherdomain form can fail it. */
    UVA_XSM(UPDATE_VA_MAPPING, XEN, Xen.MM, "__do_update_va_mapping", "xsm-update-va-mapping", EPERM,
            "only the control domain may map another domain's frames (DOMID_IO and DOMID_XEN included)"),
    UVA_NO_L1(UPDATE_VA_MAPPING, XEN, Xen.MM, "__do_update_va_mapping", "map-guest-l1e", EINVAL,
            "the address is not mapped by an L1 table of the caller in its current address space"),

    // set_trap_table, set_callbacks, software interrupts.
    /** The entries before it stay installed (pv/callback.c:365-366). */
    TRAP_NON_CANONICAL(TRAPS, XEN, Xen.PV_CALLBACK, "do_set_trap_table", "non-canonical", EINVAL,
            "a handler address must be canonical (XSA-7)"),

    // callback_op (pv/callback.c:do_callback_op, register_guest_callback, unregister_guest_callback).
    /** Checked before the type (pv/callback.c:56-57): a non-canonical address of an unknown type is EINVAL. */
    CALLBACK_NON_CANONICAL(TRAPS, XEN, Xen.PV_CALLBACK, "register_guest_callback", "non-canonical", EINVAL,
            "a callback address must be canonical (XSA-7)"),
    /** pv/callback.c:97-98: CALLBACKTYPE_sysenter_deprecated (3), 6 and every type above 7. */
    CALLBACK_UNKNOWN_TYPE(TRAPS, XEN, Xen.PV_CALLBACK, "register_guest_callback", "unknown-type", ENOSYS,
            "no such callback type on a 64-bit hypervisor"),
    /** pv/callback.c:111-116: only the NMI callback can be unregistered. */
    CALLBACK_NOT_UNREGISTRABLE(TRAPS, XEN, Xen.PV_CALLBACK, "unregister_guest_callback", "not-unregistrable", EINVAL,
            "the event, failsafe, syscall, syscall32 and sysenter callbacks cannot be unregistered"),
    /** pv/callback.c:124-125. */
    CALLBACK_UNREGISTER_UNKNOWN_TYPE(TRAPS, XEN, Xen.PV_CALLBACK, "unregister_guest_callback", "unknown-type", ENOSYS,
            "no such callback type on a 64-bit hypervisor"),
    /** pv/callback.c:162-163. */
    CALLBACK_UNKNOWN_COMMAND(TRAPS, XEN, Xen.PV_CALLBACK, "do_callback_op", "unknown-command", ENOSYS,
            "no such callback_op command"),

    // set_gdt, update_descriptor, MMUEXT_SET_LDT (pv/descriptor-tables.c, mm.c:do_mmuext_op).
    /** descriptor-tables.c:125-126 (and :82-83): FIRST_RESERVED_GDT_ENTRY = 14 * 512. */
    GDT_TOO_MANY_ENTRIES(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "do_set_gdt", "entries", EINVAL,
            "a guest GDT has at most 7168 descriptors (the rest is Xen's)"),
    /** descriptor-tables.c:128-129: copy_from_guest of DIV_ROUND_UP(entries, 512) frame numbers. */
    GDT_FRAME_LIST_UNREADABLE(DESCRIPTORS, CLOSEST, Xen.PV_DESCRIPTORS, "do_set_gdt", "copy-from-guest", EFAULT,
            "the frame list is shorter than the entries need (a guest buffer Xen cannot read)"),
    /** descriptor-tables.c:90-92: !mfn_valid or get_page_and_type(PGT_seg_desc_page) fails (not the caller's, or typed otherwise); the frames before it are released (:109-113). */
    GDT_BAD_FRAME(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "pv_set_gdt", "get-page-and-type", EINVAL,
            "a GDT frame must be the caller's and not in use as anything but a descriptor page"),
    /** descriptor-tables.c:273-286 (validate_page, mm.c:2633-2635): a descriptor check_descriptor refuses; the descriptors before it stay fixed up. */
    SEG_DESC_INVALID(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "validate_segdesc_page", "check-descriptor", EINVAL,
            "a frame becoming a descriptor page holds a descriptor Xen does not allow (a system descriptor other than a call gate, a gate to a Xen selector, reserved bits)"),
    /** descriptor-tables.c:298-300. */
    DESC_MISALIGNED(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "do_update_descriptor", "aligned", EINVAL,
            "the descriptor's address is not 8-byte aligned"),
    /** descriptor-tables.c:299, check_descriptor :188-271 (XSA-214/298 class: gates and system segments). */
    DESC_BAD_DESCRIPTOR(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "do_update_descriptor", "check-descriptor", EINVAL,
            "the descriptor is a system descriptor other than a call gate, a gate to a Xen selector, or sets reserved bits"),
    /** descriptor-tables.c:302-304: get_page_from_gfn(currd) fails (a model offset beyond its frame's words lands here too). */
    DESC_NOT_OWNED(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "do_update_descriptor", "get-page-from-gfn", EINVAL,
            "the frame is not the caller's"),
    /** descriptor-tables.c:309-319: get_page_type(PGT_seg_desc_page) or get_page_type(PGT_writable_page) fails. */
    DESC_BAD_TYPE(DESCRIPTORS, XEN, Xen.PV_DESCRIPTORS, "do_update_descriptor", "get-page-type", EINVAL,
            "the frame is in use as a page table"),
    /** mm.c:3839-3846: ents > 8192, or ents and a linear address that is not a guest address (__addr_ok). */
    LDT_BAD_ARGS(DESCRIPTORS, XEN, Xen.MM, "do_mmuext_op", "set-ldt-args", EINVAL,
            "an LDT has at most 8192 descriptors, at a page-aligned guest address"),

    // event_channel_op, clear_evtchn, mask_evtchn.
    /** {@code rcu_lock_domain_by_any_id}: a dying domain is found. */
    EVTCHN_NO_SUCH_DOMAIN(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_alloc_unbound", "no-such-domain", ESRCH,
            "the domain does not exist"),
    EVTCHN_DYING(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "get_free_port", "is-dying", EINVAL,
            "the domain is dying: it gets no new port"),
    EVTCHN_NO_FREE_PORT(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "get_free_port", "no-free-port", ENOSPC,
            "the domain has no free port"),
    /** XSM_TARGET: the domain itself or the control domain. */
    EVTCHN_NOT_PERMITTED(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_alloc_unbound", "xsm-target", EPERM,
            "only the domain itself or the control domain may do this"),
    EVTCHN_BAD_PORT(EVENT_CHANNELS, CLOSEST, Xen.EVENT_CHANNEL, "evtchn_bind_interdomain", "port-is-valid", EINVAL,
            "no such port"),
    EVTCHN_NOT_OFFERED(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_interdomain", "not-offered", EINVAL,
            "the remote port is not unbound for the caller"),
    EVTCHN_BAD_VIRQ(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_virq", "virq-range", EINVAL,
            "virtual IRQs are 0 to 23"),
    EVTCHN_VIRQ_NOT_VCPU0(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_virq", "global-virq-vcpu0", EINVAL,
            "a global or per-domain virtual IRQ is bound on vCPU 0"),
    EVTCHN_NO_SUCH_VCPU(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_virq", "no-such-vcpu", ENOENT,
            "no such vCPU"),
    EVTCHN_GLOBAL_VIRQ(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_virq", "global-virq", EBUSY,
            "a global virtual IRQ is handled by the control domain"),
    EVTCHN_VIRQ_BOUND(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_virq", "virq-bound", EEXIST,
            "that virtual IRQ is already bound on that vCPU"),
    EVTCHN_NOT_OPEN(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_close", "not-open", EINVAL,
            "the port is free or reserved"),
    EVTCHN_CANNOT_SEND(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_send", "bad-state", EINVAL,
            "only interdomain, IPI and unbound ports can be sent on"),
    /** {@code domain_vcpu(d, vcpu_id)} is NULL: the vCPU is checked before the port. */
    EVTCHN_BIND_VCPU_NO_SUCH_VCPU(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_vcpu", "domain-vcpu", ENOENT,
            "no such vCPU to notify"),
    /** {@code get_virq_type(chn->u.virq) == VIRQ_VCPU}: a per-vCPU VIRQ stays on the vCPU it was bound for. */
    EVTCHN_BIND_VCPU_PER_VCPU_VIRQ(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_vcpu", "per-vcpu-virq", EINVAL,
            "a per-vCPU virtual IRQ cannot move to another vCPU"),
    /** The switch's default: free, reserved and IPI ports (an IPI names its vCPU when bound). */
    EVTCHN_BIND_VCPU_BAD_STATE(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_bind_vcpu", "bad-state", EINVAL,
            "only unbound, interdomain and global or per-domain VIRQ ports can move to another vCPU"),
    /** {@code rcu_lock_domain_by_any_id(reset.dom)}: a dying domain is found. */
    EVTCHN_RESET_NO_SUCH_DOMAIN(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "do_event_channel_op", "reset-no-such-domain", ESRCH,
            "the domain to reset does not exist"),
    /** {@code xsm_evtchn_reset(XSM_TARGET, current->domain, d)}. */
    EVTCHN_RESET_NOT_PERMITTED(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "do_event_channel_op", "xsm-evtchn-reset", EPERM,
            "only the domain itself or the control domain may reset its event channels"),
    /** {@code d != current->domain && !d->controller_pause_count} (XSA-343: no reset under a running guest's feet). */
    EVTCHN_RESET_NOT_PAUSED(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_reset", "not-paused", EINVAL,
            "another domain's event channels are reset only while the control domain holds it paused"),
    /** {@code i = resuming ? d->next_evtchn : !d->next_evtchn; if ( !i ) return -EBUSY}. */
    EVTCHN_RESET_BUSY(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "evtchn_reset", "in-progress", EBUSY,
            "EVTCHNOP_reset_cont with no reset in progress (or a reset while one is)"),
    EVTCHN_UNKNOWN_COMMAND(EVENT_CHANNELS, XEN, Xen.EVENT_CHANNEL, "do_event_channel_op", "unknown-command", ENOSYS,
            "no such event-channel command in ABI v1"),

    // grant_table_op, and the granter's writes to its grant table.
    GNTTAB_MAP_NOT_HOST(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "no-map-flags", GNTST_bad_gntref,
            "a map must ask for GNTMAP_host_map (or device_map)"),
    /** Xen ignores flags beyond its five (bits 16-18 become the PTE's available bits); pvspec's requests carry none. */
    GNTTAB_MAP_FLAGS(GRANT_TABLES, CLOSEST, Xen.GRANT_TABLE, "map_grant_ref", "abi-v1-flags", GNTST_general_error,
            "pvspec's map flags are GNTMAP_device_map, host_map, readonly, application_map and contains_pte only"),
    /** {@code rcu_lock_domain_by_id}: a dying granter is found. */
    GNTTAB_MAP_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "bad-domain", GNTST_bad_domain,
            "the granting domain does not exist"),
    /** {@code get_maptrack_handle} fails: GNTST_no_space (grant_table.c:1062-1067, since 2021). */
    GNTTAB_MAP_NO_HANDLE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "no-maptrack-handle", GNTST_no_space,
            "the caller has no free grant-map handle"),
    GNTTAB_MAP_BAD_REF(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "bad-gntref", GNTST_bad_gntref,
            "no such grant reference"),
    /** {@code act->pin && act->domid != ld->domain_id} (grant_table.c:1084-1094). */
    GNTTAB_MAP_PINNED_BY_OTHER(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "active-domid", GNTST_general_error,
            "the grant is mapped already, by another domain"),
    GNTTAB_MAP_NOT_GRANTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "not-granted", GNTST_general_error,
            "the entry does not permit access to the caller"),
    GNTTAB_MAP_READONLY(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "readonly-grant", GNTST_general_error,
            "the grant is read-only; a writable map is refused"),
    GNTTAB_MAP_BAD_FRAME(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "bad-page", GNTST_bad_page,
            "the granted frame is not the granter's"),
    /** {@code could_not_pin}: a later pin finds the frame is not the granter's any more. */
    GNTTAB_MAP_COULD_NOT_PIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "could-not-pin", GNTST_general_error,
            "the granted frame is not the granter's any more"),
    GNTTAB_MAP_PAGE_TABLE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "map_grant_ref", "get-writable-type", GNTST_general_error,
            "a writable map of a frame in use as a page table is refused"),
    GNTTAB_MAP_BAD_HOST(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "create_grant_pv_mapping", "map-guest-l1e", GNTST_general_error,
            "the host address is not mapped by an L1 table of the caller"),
    /** XSA-227: {@code !IS_ALIGNED(addr, sizeof(nl1e))} (pv/grant_table.c:56-62). */
    GNTTAB_MAP_PTE_MISALIGNED(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "create_grant_pv_mapping", "misaligned-pte", GNTST_general_error,
            "with GNTMAP_contains_pte the host address must be the address of a whole L1 entry (XSA-227)"),
    /** The model's tables have {@code Config.entries()} slots; Xen's 512 fill the page, so it has no such check. */
    GNTTAB_PTE_BEYOND_TABLE(GRANT_TABLES, CLOSEST, Xen.PV_GRANT_TABLE, "create_grant_pv_mapping", "pte-beyond-table", GNTST_general_error,
            "the entry address lies beyond the configured entries of the table"),
    /** {@code get_page_from_mfn(gl1mfn, currd)}, then the page's type (pv/grant_table.c:64-68, 90-94). */
    GNTTAB_MAP_PTE_NOT_L1(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "create_grant_pv_mapping", "pte-not-own-l1", GNTST_general_error,
            "with GNTMAP_contains_pte the entry must lie in an L1 table of the caller"),
    GNTTAB_UNMAP_BAD_HANDLE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "unmap_common", "bad-handle", GNTST_bad_handle,
            "no such grant-map handle"),
    /** XSA-234: the L1 lookup (by address, or by machine address with contains_pte), its type, and the PTE still mapping the grant with its P and RW (pv/grant_table.c:213-282). */
    GNTTAB_UNMAP_PTE_MISMATCH(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "replace_grant_pv_mapping", "pte-mismatch", GNTST_general_error,
            "the host PTE does not map the grant any more (XSA-234)"),
    /** {@code op->dev_bus_addr != mfn_to_maddr(act->mfn)} (grant_table.c:1514-1522). */
    GNTTAB_UNMAP_BAD_DEV_ADDR(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "unmap_common", "bad-dev-addr", GNTST_bad_dev_addr,
            "the device address does not match the granted frame"),
    /**
     * Unaligned contains_pte unmap address (pv/grant_table.c:224-228): the release build returns
     * GNTST_general_error; Xen's debug build stops at its ASSERT_UNREACHABLE (a guest-reachable
     * assertion: docs/xen-conformance.md).
     */
    GNTTAB_UNMAP_PTE_MISALIGNED(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "replace_grant_pv_mapping", "misaligned-pte", GNTST_general_error,
            "with GNTMAP_contains_pte the unmap address must be the address of a whole L1 entry"),
    /** {@code if ( new_addr ) goto out} for a contains_pte mapping (pv/grant_table.c:220-222). */
    GNTTAB_REPLACE_CONTAINS_PTE(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "replace_grant_pv_mapping", "replace-contains-pte", GNTST_general_error,
            "unmap_and_replace cannot replace a mapping made with GNTMAP_contains_pte"),
    /** {@code steal_linear_address}: the new address's L1 lookup and type (pv/grant_table.c:142-170). */
    GNTTAB_REPLACE_STEAL(GRANT_TABLES, XEN, Xen.PV_GRANT_TABLE, "steal_linear_address", "no-l1", GNTST_general_error,
            "the replacing address is not mapped by an L1 table of the caller"),
    GNTTAB_UNKNOWN_COMMAND(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "do_grant_table_op", "unknown-command", ENOSYS,
            "no such grant-table command in ABI v1"),
    GNTTAB_BAD_REF(GRANT_TABLES, CLOSEST, Xen.GRANT_TABLE, "_set_status", "guest-write-ref", EINVAL,
            "no such grant reference"),
    /** The revocation protocol: compare-and-swap on flags that fails while reading or writing is set. */
    GNTTAB_IN_USE(GRANT_TABLES, CLOSEST, Xen.GRANT_TABLE, "_set_status", "guest-write-in-use", EBUSY,
            "the grant is mapped; the granter cannot change or revoke it"),

    // GNTTABOP_transfer (grant_table.c:gnttab_transfer, mm.c:steal_page), in Xen's order.
    /** {@code !mfn_valid(mfn)} (grant_table.c:2327-2336; a PV caller's gfn is the mfn). */
    GNTTAB_TRANSFER_BAD_MFN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_transfer", "mfn-valid", GNTST_bad_page,
            "the frame number names no frame"),
    /** {@code page_get_owner_and_reference} fails (a free frame) or {@code owner != d} (mm.c:4393-4399): -EINVAL, GNTST_bad_page (grant_table.c:2338-2345). */
    GNTTAB_TRANSFER_NOT_OWNER(GRANT_TABLES, XEN, Xen.MM, "steal_page", "not-owner", GNTST_bad_page,
            "only a frame of the caller's own can be given away"),
    /**
     * XSA-214/217: {@code (count_info & (PGC_count_mask|PGC_allocated)) != (2 | PGC_allocated)}
     * (mm.c:4401-4413): the allocation must be the frame's only reference, so a frame that is
     * mapped, pinned, in use as a page table or descriptor page, a base pointer or mapped by a
     * grantee is refused.
     */
    GNTTAB_TRANSFER_REFERENCED(GRANT_TABLES, XEN, Xen.MM, "steal_page", "extra-references", GNTST_bad_page,
            "the frame is referenced beyond its allocation (mapped, pinned, typed or granted) or not allocated"),
    /** {@code rcu_lock_domain_by_id(gop.domid)} fails (grant_table.c:2359-2365); the stolen frame is freed (:2364-2377). */
    GNTTAB_TRANSFER_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_transfer", "bad-domain", GNTST_bad_domain,
            "the receiving domain does not exist (the frame, already taken from the caller, is freed)"),
    /** {@code e->is_dying} (grant_table.c:2412-2428); the stolen frame is freed. */
    GNTTAB_TRANSFER_DYING(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_transfer", "receiver-dying", GNTST_general_error,
            "the receiving domain is dying (the frame, already taken from the caller, is freed)"),
    /** {@code domain_tot_pages(e) >= e->max_pages} (grant_table.c:2412-2428); the stolen frame is freed. */
    GNTTAB_TRANSFER_NO_HEADROOM(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_transfer", "receiver-max-pages", GNTST_general_error,
            "the receiving domain holds max_pages frames already (the frame, already taken from the caller, is freed)"),
    /** {@code ref >= nr_grant_entries(rgt)} in {@code gnttab_prepare_for_transfer} (grant_table.c:2231-2237): GNTST_general_error, not bad_gntref (:2441-2467). */
    GNTTAB_TRANSFER_BAD_REF(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_prepare_for_transfer", "bad-gntref", GNTST_general_error,
            "no such grant reference in the receiver's table (the frame, already taken from the caller, is freed)"),
    /** {@code scombo.flags != GTF_accept_transfer || scombo.domid != ld->domain_id} (grant_table.c:2247-2255). */
    GNTTAB_TRANSFER_NOT_ACCEPTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_prepare_for_transfer", "not-accepting", GNTST_general_error,
            "the receiver's entry does not accept a transfer from the caller (the frame, already taken from the caller, is freed)"),

    // grant_table_op setup_table and query_size (gntcopy): the grant table's size in frames.
    /**
     * {@code !guest_handle_okay(op.frame_list, op.nr_frames)} (grant_table.c:2095-2096): {@code
     * access_ok} looks at the start only, even for no frames (x86_64/uaccess.h:47-56).
     */
    GNTTAB_SETUP_FRAME_LIST_NOT_GUEST(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_setup_table", "guest-handle-okay", EFAULT,
            "the frame list must start at a guest address (canonical, outside the hypervisor's range)"),
    /** {@code rcu_lock_domain_by_any_id(op.dom)} finds no domain (grant_table.c:2098-2103). */
    GNTTAB_SETUP_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_setup_table", "bad-domain", GNTST_bad_domain,
            "no such domain"),
    /** {@code xsm_grant_setup(XSM_TARGET, ...)}: another domain's table for a privileged caller only (:2105-2109). */
    GNTTAB_SETUP_NOT_PERMITTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_setup_table", "xsm-target", GNTST_permission_denied,
            "only a privileged domain may set up another domain's grant table"),
    /** {@code op.nr_frames > gt->max_grant_frames} (:2114-2120). */
    GNTTAB_SETUP_TOO_MANY_FRAMES(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_setup_table", "max-grant-frames", GNTST_general_error,
            "a grant table grows to max_grant_frames frames at most"),
    /**
     * {@code __copy_to_guest_offset(op.frame_list, i, &gmfn, 1)} fails (grant_table.c:2142-2155),
     * after the growth (:2129-2140), which stays, as do the numbers written before.
     */
    GNTTAB_SETUP_BAD_VIRT_ADDR(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_setup_table", "copy-to-guest", GNTST_bad_virt_addr,
            "Xen writes each frame number through the caller's page tables: the frame list must be mapped writable"),
    /** {@code rcu_lock_domain_by_any_id(op.dom)} finds no domain (:2183-2188). */
    GNTTAB_QUERY_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_query_size", "bad-domain", GNTST_bad_domain,
            "no such domain"),
    /** {@code xsm_grant_query_size(XSM_TARGET, ...)} (:2190-2194). */
    GNTTAB_QUERY_NOT_PERMITTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_query_size", "xsm-target", GNTST_permission_denied,
            "only a privileged domain may ask the size of another domain's grant table"),

    // grant_table_op copy (gntcopy): gnttab_copy_one's order, one struct gnttab_copy a request.
    /** {@code domid != DOMID_SELF && !is_gref}: a frame is named only with DOMID_SELF, not even the caller's own id (:2928-2931). */
    GNTTAB_COPY_FRAME_NOT_SELF(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_copy_lock_domain", "gmfn-not-self", GNTST_permission_denied,
            "a copy names a frame (not a grant reference) only of the caller, as DOMID_SELF"),
    /** {@code rcu_lock_domain_by_any_id(domid)} finds no domain (:2933-2936). */
    GNTTAB_COPY_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_copy_lock_domain", "bad-domain", GNTST_bad_domain,
            "the source or destination domain does not exist"),
    /** {@code gref >= nr_grant_entries(rgt)} (:2624-2629): beyond the table's current frames. */
    GNTTAB_COPY_BAD_REF(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "bad-gntref", GNTST_bad_gntref,
            "no such grant reference in the granter's table as it is now"),
    /** {@code act->pin && act->domid != ldom} (:2636-2645). */
    GNTTAB_COPY_PINNED_BY_OTHER(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "active-domid", GNTST_general_error,
            "the grant is mapped by another domain"),
    /** {@code _set_status_v1} on an unpinned entry: type and domid (:785-791 via :2796-2798). */
    GNTTAB_COPY_NOT_GRANTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "not-granted", GNTST_general_error,
            "the entry does not permit access to the caller"),
    /** {@code _set_status_v1}: a write pin of a GTF_readonly entry (:797-805 via :2796-2798). */
    GNTTAB_COPY_READONLY(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "readonly-grant", GNTST_general_error,
            "a read-only grant cannot be a copy's destination"),
    /** {@code get_paged_frame(gfn, ..., rd)}: the entry's frame must be the granter's (:2804-2808, 498-526). */
    GNTTAB_COPY_BAD_PAGE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "bad-page", GNTST_bad_page,
            "the granted frame is not the granter's"),
    /** {@code td != rd || rd->is_dying} for an entry already pinned (:2871-2886). */
    GNTTAB_COPY_GRANTER_DYING(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "acquire_grant_for_copy", "owner-or-dying", GNTST_bad_domain,
            "the mapped grant's frame is not its granter's any more, or the granter is dying"),
    /** {@code get_paged_frame(ptr->u.gmfn, ..., buf->domain)} (:3034-3041). */
    GNTTAB_COPY_BAD_FRAME(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_copy_claim_buf", "bad-frame", GNTST_bad_page,
            "the frame is not the caller's"),
    /** {@code get_page_type(buf->page, PGT_writable_page)} fails for the destination (:3048-3059). */
    GNTTAB_COPY_NOT_WRITABLE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_copy_claim_buf", "get-writable-type", GNTST_general_error,
            "a copy's destination must take the writable type: a page table (or descriptor page) cannot"),
    /** {@code source.offset + len > PAGE_SIZE || dest.offset + len > PAGE_SIZE}, after both sides are claimed (:3084-3089). */
    GNTTAB_COPY_BAD_ARG(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_copy_buf", "beyond-page", GNTST_bad_copy_arg,
            "a copy stays within one page on either side"),

    // grant_table_op set_version, get_version, get_status_frames (gv2): grant_table.c:3224-3484.
    /** {@code op.version != 1 && op.version != 2} (:3237-3239). */
    GNTTAB_SET_VERSION_BAD(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_set_version", "bad-version", EINVAL,
            "a grant table's version is 1 or 2"),
    // (:3241-3243, ENOSYS for v2 when gt->max_version is 1: no model domain has max_version 1, so no check.)
    /** An entry at or above {@code GNTTAB_NR_RESERVED_ENTRIES} is pinned (:3250-3268). */
    GNTTAB_SET_VERSION_IN_USE(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_set_version", "entries-in-use", EBUSY,
            "the version changes only while no entry beyond the eight reserved ones is mapped"),
    /** {@code rcu_lock_domain_by_any_id(op.dom)} finds no domain (:3472-3474). */
    GNTTAB_GET_VERSION_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_version", "bad-domain", ESRCH,
            "no such domain"),
    /** {@code xsm_grant_query_size(XSM_TARGET, ...)} (:3476-3481; xsm/dummy.h:227-231, 80-101). */
    GNTTAB_GET_VERSION_NOT_PERMITTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_version", "xsm-target", EPERM,
            "only a privileged domain may ask the version of another domain's grant table"),
    /** {@code !guest_handle_okay(op.frame_list, op.nr_frames)} (:3406-3407), as for setup_table's list. */
    GNTTAB_STATUS_FRAMES_LIST_NOT_GUEST(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_status_frames", "guest-handle-okay", EFAULT,
            "the frame list must start at a guest address (canonical, outside the hypervisor's range)"),
    /** {@code rcu_lock_domain_by_any_id(op.dom)} finds no domain (:3411-3416). */
    GNTTAB_STATUS_FRAMES_BAD_DOMAIN(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_status_frames", "bad-domain", GNTST_bad_domain,
            "no such domain"),
    /** {@code xsm_grant_setup(XSM_TARGET, ...)} (:3417-3422). */
    GNTTAB_STATUS_FRAMES_NOT_PERMITTED(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_status_frames", "xsm-target", GNTST_permission_denied,
            "only a privileged domain may ask the status frames of another domain's grant table"),
    /** {@code op.nr_frames > nr_status_frames(gt)} (:3428-3435): a v1 table has none. */
    GNTTAB_STATUS_FRAMES_TOO_MANY(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_status_frames", "nr-status-frames", GNTST_general_error,
            "more status frames asked than the table has (a version 1 table has none)"),
    /** {@code __copy_to_guest_offset(op.frame_list, i, &gmfn, 1)} fails (:3437-3444); the numbers written before stay. */
    GNTTAB_STATUS_FRAMES_BAD_VIRT_ADDR(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "gnttab_get_status_frames", "copy-to-guest", GNTST_bad_virt_addr,
            "Xen writes each status frame's number through the caller's page tables: the frame list must be mapped writable"),
    // grant_table_op swap_grant_ref (swap15): swap_grant_ref's order, one struct gnttab_swap_grant_ref a request.
    /** {@code ref_a >= nr_grant_entries(d->grant_table)} (grant_table.c:3501-3506): the caller's own table. */
    GNTTAB_SWAP_BAD_REF_A(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "swap_grant_ref", "bad-ref-a", GNTST_bad_gntref,
            "the first reference is beyond the caller's grant table"),
    /** {@code ref_b >= nr_grant_entries(d->grant_table)} (:3507-3512), after ref_a's check. */
    GNTTAB_SWAP_BAD_REF_B(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "swap_grant_ref", "bad-ref-b", GNTST_bad_gntref,
            "the second reference is beyond the caller's grant table"),
    /** {@code act_a->pin} (:3521-3527), after a swap of a reference with itself returned okay (:3517-3519). */
    GNTTAB_SWAP_A_BUSY(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "swap_grant_ref", "ref-a-busy", GNTST_eagain,
            "the first entry is in use (mapped): swapping it would retarget a live mapping"),
    /** {@code act_b->pin} (:3529-3535). */
    GNTTAB_SWAP_B_BUSY(GRANT_TABLES, XEN, Xen.GRANT_TABLE, "swap_grant_ref", "ref-b-busy", GNTST_eagain,
            "the second entry is in use (mapped): swapping it would retarget a live mapping"),

    // memory_op.
    // The reservation calls report a refusal as "0 extents done" (memory.c:1569-1597).
    /** {@code nr_extents > UINT_MAX >> MEMOP_EXTENT_SHIFT} (unsigned: a negative count is huge). */
    MEMORY_TOO_MANY(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "continuation-limit", Result.value(0),
            "the extent count is too large to encode a continuation"),
    /** {@code rcu_lock_domain_by_any_id}: a dying domain is found. */
    MEMORY_NO_SUCH_DOMAIN(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "no-such-domain", Result.value(0),
            "the domain does not exist"),
    MEMORY_NOT_PERMITTED(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "xsm-memory-adjust-reservation", Result.value(0),
            "only the control domain may change another domain's memory"),
    // The reservation queries return an error code, not a count (memory.c:1649-1689).
    /** {@code rcu_lock_domain_by_any_id(domain.domid)}: a dying domain is found. */
    MEMORY_STAT_NO_SUCH_DOMAIN(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "stat-no-such-domain", ESRCH,
            "the domain whose reservation is asked does not exist"),
    /** {@code xsm_memory_stat_reservation(XSM_TARGET, curr_d, d)}. */
    MEMORY_STAT_NOT_PERMITTED(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "xsm-memory-stat-reservation", EPERM,
            "only the domain itself or the control domain may read its reservation"),
    // XENMEM_exchange (memory.c:memory_exchange, 663-952; XSA-212).
    /** {@code max_order}: 9 for a guest, 18 for the control domain (memory.c:88-104, asm/config.h:17-19). */
    MEM_EXCHANGE_ORDER(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "max-order", EPERM,
            "an extent order above what the caller may allocate at once"),
    MEM_EXCHANGE_NR_EXCHANGED(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "nr-exchanged", EINVAL,
            "nr_exchanged is beyond the input extents (XSA-212)"),
    MEM_EXCHANGE_DOMID(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "domid-mismatch", EINVAL,
            "the input and output lists name different domains"),
    MEM_EXCHANGE_OVERFLOW(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "size-overflow", EINVAL,
            "the size of a list in frames does not fit an unsigned long"),
    MEM_EXCHANGE_SIZES(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "size-mismatch", EINVAL,
            "the input and output lists do not hold the same number of frames"),
    /** {@code rcu_lock_domain_by_any_id(in.domid)} (memory.c:745-750). */
    MEM_EXCHANGE_NO_DOMAIN(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "no-such-domain", ESRCH,
            "the lists name no domain"),
    /** {@code xsm_memory_exchange(XSM_TARGET, d)} (memory.c:752-757). */
    MEM_EXCHANGE_NOT_PERMITTED(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "xsm-memory-exchange", EPERM,
            "only the control domain exchanges another domain's memory"),
    /** {@code mfn_valid} of an input frame (memory.c:805-812); earlier chunks stay exchanged. */
    MEM_EXCHANGE_BAD_FRAME(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "mfn-valid", EINVAL,
            "an input extent's frame is no frame of the machine"),
    /** {@code steal_page} (mm.c:4382-4460): owned by the domain, only its allocation reference, not the hypervisor's. */
    MEM_EXCHANGE_STEAL(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "steal-page", EINVAL,
            "an input frame is not the domain's, or is in use (mapped, typed, pinned, given back)"),
    /** {@code alloc_domheap_pages} fails (memory.c:835-841). */
    MEM_EXCHANGE_NO_MEMORY(MEMORY_OP, XEN, Xen.MEMORY, "memory_exchange", "alloc-domheap-pages", ENOMEM,
            "no free block of the output extent's size"),
    MEMORY_UNKNOWN_COMMAND(MEMORY_OP, XEN, Xen.MEMORY, "do_memory_op", "unknown-command", ENOSYS,
            "no such memory_op command in ABI v1"),

    // domctl.
    DOMCTL_NOT_PRIVILEGED(DOMCTL, XEN, Xen.DOMCTL, "do_domctl", "xsm-domctl", EPERM,
            "only the control domain may use domctl"),
    /** {@code domid_alloc} finds no free id: -EEXIST (domctl.c:678-682), before the vCPU count. */
    DOMCTL_NO_FREE_ID(DOMCTL, XEN, Xen.DOMCTL, "do_domctl", "no-free-domid", EEXIST,
            "every domain id is in use"),
    DOMCTL_BAD_VCPUS(DOMCTL, XEN, Xen.DOMAIN, "sanitise_domain_config", "max-vcpus", EINVAL,
            "a domain has 1 to config.vcpus vCPUs"),
    /** {@code rcu_lock_domain_by_id}: a dying domain is found. */
    DOMCTL_NO_SUCH_DOMAIN(DOMCTL, XEN, Xen.DOMCTL, "do_domctl", "no-such-domain", ESRCH,
            "no such domain"),
    /** {@code domain_kill} and {@code XEN_DOMCTL_pausedomain}: not on the caller itself. */
    DOMCTL_SELF(DOMCTL, XEN, Xen.DOMCTL, "do_domctl", "self", EINVAL,
            "the control domain cannot do this to itself"),
    DOMCTL_TOO_MANY_PAUSES(DOMCTL, XEN, Xen.DOMAIN, "_domain_pause_by_systemcontroller", "pause-count-limit", EOVERFLOW,
            "the domain is paused 255 times already"),
    DOMCTL_NOT_PAUSED(DOMCTL, XEN, Xen.DOMAIN, "domain_unpause_by_systemcontroller", "not-paused", EINVAL,
            "the domain is not paused"),
    DOMCTL_UNKNOWN_COMMAND(DOMCTL, XEN, Xen.DOMCTL, "do_domctl", "unknown-command", ENOSYS,
            "no such domctl in ABI v1"),

    // sched_op.
    SCHED_UNKNOWN_COMMAND(SCHED_OP, XEN, Xen.SCHED_CORE, "do_sched_op", "unknown-command", ENOSYS,
            "no such sched_op command in ABI v1"),

    // multicall.
    /** The in-multicall flag of the vCPU's {@code mc_state} (multicall.c:45-49). */
    MULTICALL_REENTRY(MULTICALL, XEN, Xen.MULTICALL, "do_multicall", "reentry", EINVAL,
            "a multicall entry may not itself be a multicall"),
    // vm_assist (common/domain.c:2378-2398), in Xen's order: the type, then the command.
    /** {@code type >= BITS_PER_LONG || !test_bit(type, &valid)}, valid = {@code PV64_VM_ASSIST_MASK} (asm/domain.h:779-790). */
    VM_ASSIST_BAD_TYPE(VM_ASSIST, XEN, Xen.DOMAIN, "do_vm_assist", "bad-type", EINVAL,
            "the assist type is not one a 64-bit PV domain may set (0-5, 32)"),
    VM_ASSIST_UNKNOWN_COMMAND(VM_ASSIST, XEN, Xen.DOMAIN, "do_vm_assist", "unknown-command", ENOSYS,
            "the command is neither VMASST_CMD_enable nor VMASST_CMD_disable"),
    // set_segment_base (pv/misc-hypercalls.c:169-267), in Xen's order: the base of FS/GS, then the switch's default.
    /** {@code !is_canonical_address(base)} for SEGBASE_FS, SEGBASE_GS_USER and SEGBASE_GS_KERNEL (:179-184): the wrmsr would fault in Xen. */
    SEG_BASE_NOT_CANONICAL(SEGMENTS, XEN, Xen.PV_MISC, "do_set_segment_base", "non-canonical", EINVAL,
            "a segment base must be a canonical address"),
    SEG_BASE_UNKNOWN_WHICH(SEGMENTS, XEN, Xen.PV_MISC, "do_set_segment_base", "unknown-which", EINVAL,
            "which is not SEGBASE_FS, SEGBASE_GS_USER, SEGBASE_GS_KERNEL or SEGBASE_GS_USER_SEL");

    private final Area area;
    private final Citation citation;
    private final String file;
    private final String function;
    private final String id;
    private final Result result;
    private final String sentence;

    Check(Area area, Citation citation, String file, String function, String check, Errno errno, String sentence) {
        this(area, citation, file, function, check, Result.err(errno), sentence);
    }

    Check(Area area, Citation citation, String file, String function, String check, Gntst status, String sentence) {
        this(area, citation, file, function, check, Result.gnt(status), sentence);
    }

    Check(Area area, Citation citation, String file, String function, String check, Result result, String sentence) {
        this.area = area;
        this.citation = citation;
        this.file = file;
        this.function = function;
        this.id = file.substring(file.lastIndexOf('/') + 1) + ":" + function + ":" + check;
        this.result = result;
        this.sentence = sentence;
    }

    /** The stable id: Xen's file, function and check, {@code mm.c:get_page_from_l1e:disallowed-flags}. */
    public String id() {
        return id;
    }

    /** What the guest gets back (a batch reports it with the number of requests done). */
    public Result result() {
        return result;
    }

    /** The error code, for checks that return one (not grant statuses). */
    public Errno errno() {
        if (!(result instanceof Result.Err)) throw new IllegalStateException("a grant status has no errno: " + id);
        return ((Result.Err) result).errno();
    }

    public boolean returnsErrno() {
        return result instanceof Result.Err;
    }

    /** Whether this check returns error code {@code e}. */
    public boolean is(Errno e) {
        return result instanceof Result.Err && ((Result.Err) result).errno() == e;
    }

    /** The rule the request broke, in plain words. */
    public String sentence() {
        return sentence;
    }

    /** The Xen function that makes this check: {@code xen/arch/x86/mm.c:get_page_from_l1e}. */
    public String citation() {
        return file + ":" + function;
    }

    /** Whether Xen makes this check itself, or the citation names the closest function. */
    public Citation citationKind() {
        return citation;
    }

    public Area area() {
        return area;
    }

    /** The check with this id. */
    public static java.util.Optional<Check> byId(String id) {
        for (Check c : values()) if (c.id.equals(id)) return java.util.Optional.of(c);
        return java.util.Optional.empty();
    }

    @Override
    public String toString() {
        return id;
    }
}
