package pvspec.hypervisor.seeded;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pvspec.hypervisor.Checks;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;

/**
 * Every seeded bug, once: the registry the property suites, {@code pvspec mutants} and the JPF
 * profile read. Each is the hypervisor's {@link Checks} with exactly one check removed or
 * weakened (the hypervisor's own code is untouched), named after the Xen security advisory or
 * bug class that check closed, with the checkers expected to find it.
 */
public enum SeededBug {
    FAST_PATH_RW_TOGGLE("fast-path-rw-toggle", "XSA-182", "fast path lets RW change without revalidation", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean fastPath(long oldPte, long newPte) {
                    return Pte.present(oldPte) && Pte.present(newPte) && ((oldPte ^ newPte) & ~(FASTPATH_WHITELIST | PteFlag.RW.mask())) == 0;
                }
            };
        }
    },
    PSE_ABOVE_L1("pse-above-l1", "XSA-148", "superpage (PSE) entries accepted in L2..L4", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean upperFlagsAllowed(int level, long pte) {
                    return (Pte.flags(pte) & ~(UPPER_ALLOWED | PteFlag.PSE.mask())) == 0;
                }
            };
        }
    },
    LINEAR_CHAINS("linear-chains", "XSA-240", "linear page tables chained beyond one level", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean linearOneLevel(int tableLinearCount, int targetLinearCount) {
                    return true;
                }
            };
        }
    },
    GRANT_UNMAP_REFCOUNT("grant-unmap-refcount", "XSA-224", "grant unmap drops a type reference the map never took", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean unmapDropsType(boolean readonlyMap) {
                    return true;
                }
            };
        }
    },
    REVOKE_WHILE_MAPPED("revoke-while-mapped", "XSA-218", "the granter rewrites or revokes a mapped grant", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean grantRewritable(int flags) {
                    return true;
                }
            };
        }
    },
    NO_FLUSH_AFTER_UPPER_UPDATE("no-flush-after-upper-update", "XSA-286", "no TLB flush after a successful L2..L4 mmu_update (mm.c:4310)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean flushAfterUpperUpdate() {
                    return false;
                }
            };
        }
    },
    NO_FLUSH_ON_RETYPE("no-flush-on-retype", "XSA-401", "no flush of the owner's TLBs when a frame becomes a page table (mm.c:3025-3058)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean flushTlbOnPageTableType() {
                    return false;
                }
            };
        }
    },
    MISSING_OWNERSHIP_CHECK("missing-ownership-check", "XSA-248", "get_page does not check the owner", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean pageOwner(int owner, int expected) {
                    return true;
                }
            };
        }
    },
    MISSING_TYPE_CHECK("missing-type-check", "-", "get_page_type ignores the current type", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean typeMatches(int current, int wanted) {
                    return true;
                }
            };
        }
    },
    MISSING_SCRUB("missing-scrub", "-", "a dying domain's freed frame is not scrubbed (free_domheap_pages)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean scrubOnFree(boolean ownerDying) {
                    return false;
                }
            };
        }
    },
    MISSING_DOMCTL_PRIVILEGE("missing-domctl-privilege", "-", "domctl from an unprivileged domain", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean domctlPermitted(boolean callerPrivileged) {
                    return true;
                }
            };
        }
    },
    GRANT_UNMAP_NO_PTE_CHECK("grant-unmap-no-pte-check", "XSA-234", "unmap does not check that the host PTE still maps the grant", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean unmapPteMatches(long pte, long grantPte) {
                    return true;
                }
            };
        }
    },
    BIND_TO_ANY_UNBOUND_PORT("bind-to-any-unbound-port", "-", "bind_interdomain to a port offered to another domain", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean interdomainOffered(boolean remoteUnbound, int offeredTo, int caller) {
                    return remoteUnbound;
                }
            };
        }
    },
    NON_CANONICAL_HANDLER("non-canonical-handler", "XSA-7", "trap handler address not checked for canonical form", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean handlerCanonical(Config c, long address) {
                    return true;
                }
            };
        }
    },
    HYPERCALL_FROM_USER_MODE("hypercall-from-user-mode", "XSA-213", "hypercalls accepted from guest user mode", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean allowedInMode(Hypercall h, Mode mode) {
                    return true;
                }
            };
        }
    },
    RING0_TRAP_SELECTOR("ring0-trap-selector", "-", "a handler's selector keeps ring 0", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int handlerSelector(int cs) {
                    return cs;
                }
            };
        }
    },
    NMI_CALLBACK_RING0("nmi-callback-ring0", "-", "callback_op registers the NMI callback with the hypervisor's code selector (ring 0)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int nmiCallbackSelector() {
                    return 0xe008; // __HYPERVISOR_CS
                }
            };
        }
    },
    UPDATE_DESCRIPTOR_UNCHECKED("update-descriptor-unchecked", "-", "update_descriptor stores the guest's descriptor without check_descriptor (a call gate to a Xen selector, a system segment)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean updateDescriptorChecked() {
                    return false;
                }
            };
        }
    },
    RESET_KEEPS_PEER("reset-keeps-peer", "XSA-343", "evtchn_reset frees ports without unbinding their interdomain peers", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean resetUnlinksPeer() {
                    return false;
                }
            };
        }
    },
    STAT_RESERVATION_UNCHECKED("stat-reservation-unchecked", "-", "any domain reads another's reservation (no xsm_memory_stat_reservation)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean statReservationPermitted(int caller, int target, boolean callerPrivileged) {
                    return true;
                }
            };
        }
    },
    COPY_INTO_PAGE_TABLE("copy-into-page-table", "-", "MMUEXT_COPY_PAGE writes into a validated page table (no writable type taken)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean copyTargetWritable(int type, int typeCount) {
                    return true;
                }
            };
        }
    },
    GRANT_PTE_MISALIGNED("grant-pte-misaligned", "XSA-227", "GNTMAP_contains_pte accepts an entry address not aligned to an entry", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean ptePtrAligned(long addr) {
                    return true;
                }
            };
        }
    },
    // Also found by check on examples/grants.check: device maps grow the default's space too much.
    GRANT_DEV_ADDR_UNCHECKED("grant-dev-addr-unchecked", "-", "a device unmap does not check its bus address against the granted frame",
            EnumSet.of(Finder.FUZZ, Finder.ATTACKS)) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean devBusAddrMatches(long devBusAddr, long frame) {
                    return true;
                }
            };
        }
    },
    FOREIGN_MAPPING_UNPRIVILEGED("foreign-mapping-unprivileged", "-", "foreigndom accepted from an unprivileged domain", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean foreignMappingPermitted(boolean callerPrivileged) {
                    return true;
                }
            };
        }
    },
    /** XSA-213 itself: the multicall runs on after an iret entry put the vCPU in user mode (pv/hypercall.c:114-116). */
    MULTICALL_CONTINUES_AFTER_IRET("multicall-continues-after-iret", "XSA-213", "a multicall runs its entries after an iret switched to user mode", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean multicallEndsOnModeChange() {
                    return false;
                }
            };
        }
    },
    /** {@code MMUEXT_NEW_USER_BASEPTR} takes the root as the frame's owner's, not as {@code currd}'s (mm.c:3709-3710). */
    FOREIGN_USER_ROOT("foreign-user-root", "XSA-213", "NEW_USER_BASEPTR accepts another domain's top-level table", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int userRootOwner(int frameOwner, int caller) {
                    return frameOwner;
                }
            };
        }
    },
    /** {@code do_iret} without a user root returns to user mode instead of crashing the guest (pv/iret.c:68-74). */
    IRET_WITHOUT_USER_ROOT("iret-without-user-root", "XSA-213", "iret to user mode with no user page tables does not crash the guest", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean iretNeedsUserRoot() {
                    return false;
                }
            };
        }
    },
    /** The kernel/user switch keeps the vCPU's translations: user mode uses the kernel's (toggle_guest_mode's CR3 load). */
    MODE_SWITCH_KEEPS_TLB("mode-switch-keeps-tlb", "-", "the kernel/user mode switch keeps the other mode's translations", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean flushOnModeSwitch() {
                    return false;
                }
            };
        }
    },
    /** {@code MMU_MACHPHYS_UPDATE} without {@code get_page_from_mfn} (mm.c:4241). */
    MACHPHYS_ANY_FRAME("machphys-any-frame", "XSA-113", "MMU_MACHPHYS_UPDATE of a frame the page owner does not own (no get_page_from_mfn, mm.c:4241)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean machphysFrameOwned(boolean ownedByPageOwner) {
                    return true;
                }
            };
        }
    },

    /**
     * Writable page tables whose emulation stores the guest's new L1 entry without
     * {@code get_page_from_l1e} (ro-page-fault.c:145): no flags check, no ownership, no writable
     * type, no reference.
     */
    PTWR_UNCHECKED("ptwr-unchecked", "-", "ptwr emulation stores the new L1 entry without get_page_from_l1e", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean ptwrValidatesNewEntry() {
                    return false;
                }
            };
        }
    },
    // Preemption and partial validation (issue 14).
    RESTART_REVALIDATES_FROM_ZERO("restart-revalidates-from-zero", "XSA-299", "a continuation re-validates a partial table from entry 0 and takes the references of the validated entries again", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int resumeValidationAt(int nrValidated) {
                    return 0;
                }
            };
        }
    },
    PARTIAL_REF_DROPPED_TWICE("partial-ref-dropped-twice", "XSA-58", "taking a partial validation over drops the partial state's general reference twice", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int partialRefsDroppedOnTakeover() {
                    return 2;
                }
            };
        }
    },
    PARTIAL_TABLE_WRITABLE("partial-table-writable", "XSA-299", "mmu_update writes a partially validated table as ordinary memory (no page_lock on PGT_partial)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean partialTableLocked() {
                    return false;
                }
            };
        }
    },
    DYING_PARTIAL_LEAK("dying-partial-leak", "XSA-310", "relinquish_memory leaves a dying domain's partial tables as they are", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean relinquishTearsDownPartial() {
                    return false;
                }
            };
        }
    },
    // The kernel stack and segment bases (issue 14).
    STACK_SWITCH_KEEPS_RPL("stack-switch-keeps-rpl", "-", "stack_switch stores the kernel stack selector without fixup_guest_stack_selector (a ring-0 SS)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public long stackSelector(long ss) {
                    return ss;
                }
            };
        }
    },
    SEGMENT_BASE_UNCHECKED("segment-base-unchecked", "-", "set_segment_base loads an FS/GS base without is_canonical_address (Xen's wrmsr faults)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean segmentBaseCanonical(Config c, long base) {
                    return true;
                }
            };
        }
    },

    // Grant transfer (issue 15).
    STEAL_IGNORES_REFERENCES("steal-ignores-references", "XSA-217", "steal_page checks the allocation but not the reference count: a mapped, pinned or typed frame changes owner (mm.c:4407-4413)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean stealable(int count, boolean allocated) {
                    return allocated;
                }
            };
        }
    },
    TRANSFER_OVER_MAX_PAGES("transfer-over-max-pages", "-", "a grant transfer ignores the receiver's max_pages (grant_table.c:2412-2414)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean transferHeadroom(long totPages, long maxPages) {
                    return true;
                }
            };
        }
    },
    MMU_UPDATE_PUT_NOT_PREEMPTIBLE("mmu-update-put-not-preemptible", "XSA-290", "mmu_update finishes a vCPU's deferred put without preemption checks (put_old_guest_table not preemptible)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean mmuUpdatePutPreemptible() {
                    return false;
                }
            };
        }
    },
    CONTINUATION_SKIPS_REQUEST("continuation-skips-request", "-", "a preempted mmu_update's continuation starts one request late (the request handle advanced before the preemption check)", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public int mmuUpdateRestartAt(int i) {
                    return i + 1;
                }
            };
        }
    },

    // GNTTABOP_copy (gntcopy): each found by check on examples/grant-copy.check (copies grow the default's space).
    /** The destination's {@code get_page_type(PGT_writable_page)} skipped (grant_table.c:3048-3059): a copy writes a page table. */
    GRANT_COPY_DEST_UNTYPED("grant-copy-dest-untyped", "-", "GNTTABOP_copy writes its destination without the writable type: a page table is overwritten behind validation",
            Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean copyDestTakesType() {
                    return false;
                }
            };
        }
    },
    /** {@code domid != DOMID_SELF && !is_gref} skipped (:2928-2931): a frame named as another domain's is copied from or into. */
    GRANT_COPY_FOREIGN_FRAME("grant-copy-foreign-frame", "-", "GNTTABOP_copy accepts a frame named as another domain's: any guest reads and writes any other's memory",
            Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean copyFrameNamed(int domid, boolean gref) {
                    return true;
                }
            };
        }
    },
    /** The page bounds of {@code gnttab_copy_buf} skipped (:3084-3089): a copy runs past the end of a page. */
    GRANT_COPY_BEYOND_PAGE("grant-copy-beyond-page", "-", "GNTTABOP_copy does not check that offset + len stays within the page", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean copyWithinPage(int sourceOffset, int destOffset, int len) {
                    return true;
                }
            };
        }
    },

    // Concurrency bugs: invisible to runs without interleavings; harness 1 must find each under JPF.

    /**
     * A hypercall locks only its caller's domain: {@code map_grant_ref} reads and updates the
     * granter's grant entry, and event-channel operations the peer's port, without the other
     * domain's lock — a check-then-act across domains. The effect of XSA-218: a grant the
     * granter was told is free (its {@code end_access} succeeded) ends up mapped by the grantee.
     */
    PEER_UNLOCKED("peer-unlocked", "XSA-218", "check-then-act across domains without the peer's lock",
            EnumSet.of(Finder.JPF_LINEARIZABILITY, Finder.JPF_RACES)) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean locksDomain(int caller, int domain) {
                    return domain == caller;
                }
            };
        }
    },
    /**
     * A hypercall that finds it needs another domain's lock always waits for it, even against the
     * lock order (instead of trying it and retrying with the larger set): two domains sending on
     * the event channel between them each hold their own lock and wait for the other's.
     */
    WAITS_OUT_OF_ORDER("waits-out-of-order", "-", "a lock taken against the lock order (deadlock)", EnumSet.of(Finder.JPF_DEADLOCK)) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean waitsForLock(boolean inOrder) {
                    return true;
                }
            };
        }
    },
    /**
     * A TLB fill sets its domain's bit in the frame's shared word of TLB holders by a plain read
     * and write instead of an atomic update: two domains filling at once lose a bit, and the
     * flush when the frame is retyped as a page table misses that domain's translation (a grant
     * unmap flushes all of the mapper's TLBs, so it misses nothing).
     */
    TLB_HOLDER_PLAIN("tlb-holder-plain", "-", "a lost update of the TLB-holder bits (no CAS)", EnumSet.of(Finder.JPF_INVARIANTS)) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean setsTlbHolderAtomically() {
                    return false;
                }
            };
        }
    },

    // Nested preemption (nested14, issue 14): three levels, examples/preempt3.check.
    /**
     * A resumed L3/L4 validation ignores {@code partial_flags}: the entry whose child's validation
     * was preempted already holds the child's general reference (mm.c:1583-1586), and the resume
     * takes a second one (get_page_and_type_from_mfn without {@code PTF_partial_set},
     * mm.c:1064-1066, 1578-1579): the child's count stays one high and it is never freed.
     */
    RESUME_FORGETS_PARTIAL_FLAGS("resume-forgets-partial-flags", "-",
            "a resumed L3/L4 validation ignores partial_flags and takes a second general reference to its partially validated child",
            EnumSet.of(Finder.FUZZ, Finder.CHECK)) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean partialSetOnResume(boolean partialSet) {
                    return false;
                }
            };
        }
    },

    // destroydomain as a continuation (issue 14, destroy14): found by check on examples/destroy.check.
    /**
     * Xen before {@code bf656e02d8} (XSA-299): {@code relinquish_memory} re-set {@code PGT_pinned}
     * on a table whose unpin was preempted with {@code -ERESTART} and kept the pin's general
     * reference, leaving it pinned and partial; the continuation then puts it as a pinned table
     * and the partial reference leaks.
     */
    RELINQUISH_REPINS_PARTIAL("relinquish-repins-partial", "XSA-299", "a preempted teardown pins a partially devalidated table again (relinquish_memory)",
            Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean relinquishDropsPreemptedPin() {
                    return false;
                }
            };
        }
    },

    // Grant table versions (gv2, issue 15): needs a table with references beyond the eight
    // reserved ones: examples/grant-version.check, fuzzed in Worlds.grantVersions.
    /**
     * {@code gnttab_set_version} without its scan for pinned entries (grant_table.c:3250-3268): the
     * switch clears (or, v1 to v2, drops from the smaller table) an entry another domain maps, so
     * the granter can grant the frame anew while the mapping stays (the XSA-218 outcome through
     * the version switch; XSA-379 and XSA-387 are the status frames' side of it).
     */
    SET_VERSION_IGNORES_PINS("set-version-ignores-pins", "-",
            "set_version switches while an entry beyond the reserved ones is mapped, clearing it under its mapper", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean setVersionWaitsForPins() {
                    return false;
                }
            };
        }
    },

    // GNTTABOP_swap_grant_ref (swap15): found by check on examples/errors.check.
    /**
     * {@code swap_grant_ref} without its {@code act->pin} checks (grant_table.c:3521-3535): the
     * granter swaps the entry a grantee maps, which then names another frame and no longer shows
     * GTF_reading/GTF_writing, so the granter may revoke it under the live mapping (INV-12).
     */
    SWAP_IGNORES_PIN("swap-ignores-pin", "-", "GNTTABOP_swap_grant_ref swaps a mapped (pinned) grant entry", Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean grantSwappable(int pins) {
                    return true;
                }
            };
        }
    },
    /**
     * vaddr15: Xen runs with {@code CR0.WP} set, so its ring-0 store of a frame number through a
     * read-only mapping faults (GNTST_bad_virt_addr). Without it, a frame list over the kernel's
     * read-only view of its own page tables is written into them behind validation (the model
     * keeps no frame numbers, so it shows as the result and the stored page's tag and translation).
     */
    COPY_TO_GUEST_IGNORES_WP("copy-to-guest-ignores-wp", "-", "the hypervisor's stores to guest memory ignore read-only mappings (CR0.WP clear): setup_table's frame list lands in a page table",
            Finder.SEQUENTIAL) {
        @Override public Checks checks() {
            return new Checks() {
                @Override public boolean copyToGuestHonoursWriteProtect() {
                    return false;
                }
            };
        }
    };

    /** The checkers expected to find a seeded bug. */
    public enum Finder {
        /** Model-guided conformance fuzzing ({@code pvspec fuzz}, {@code SeededBugsAreDetected}). */
        FUZZ,
        /** The model checker's conformance mode on the default configuration. */
        CHECK,
        /** The attack catalogue. */
        ATTACKS,
        /** JPF harness 1: an outcome that is not linearizable. */
        JPF_LINEARIZABILITY,
        /** JPF harness 1: an invariant broken inside JPF. */
        JPF_INVARIANTS,
        /** JPF harness 3: a data race. */
        JPF_RACES,
        /** JPF harness 1: a deadlock. */
        JPF_DEADLOCK;

        static final Set<Finder> SEQUENTIAL = EnumSet.of(FUZZ, CHECK, ATTACKS);

        /** Whether this checker runs threads (JPF) rather than one request at a time. */
        public boolean concurrent() {
            return this == JPF_LINEARIZABILITY || this == JPF_INVARIANTS || this == JPF_RACES || this == JPF_DEADLOCK;
        }
    }

    private final String id;
    private final String xsa;
    private final String bugClass;
    private final Set<Finder> foundBy;

    SeededBug(String id, String xsa, String bugClass, Set<Finder> foundBy) {
        this.id = id;
        this.xsa = xsa;
        this.bugClass = bugClass;
        this.foundBy = EnumSet.copyOf(foundBy);
    }

    /** The hypervisor's checks with this bug seeded (a fresh instance each time). */
    public abstract Checks checks();

    /** The name the CLI, the suites and the JPF profile use ({@code fast-path-rw-toggle}). */
    public String id() {
        return id;
    }

    /** The Xen security advisory, or {@code "-"}. */
    public String xsa() {
        return xsa;
    }

    public String bugClass() {
        return bugClass;
    }

    public Set<Finder> foundBy() {
        return EnumSet.copyOf(foundBy);
    }

    /** Whether only an interleaving of vCPU threads shows it (JPF's harnesses). */
    public boolean concurrent() {
        for (Finder f : foundBy) if (!f.concurrent()) return false; // plain loops: JPF runs this
        return true;
    }

    /** The bugs one request at a time can show (the property suites' and {@code pvspec mutants}' variants). */
    public static List<SeededBug> sequential() {
        List<SeededBug> out = new ArrayList<>();
        for (SeededBug b : values()) if (!b.concurrent()) out.add(b);
        return out;
    }

    /** The bugs only an interleaving of vCPU threads shows (the JPF profile's). */
    public static List<SeededBug> concurrency() {
        List<SeededBug> out = new ArrayList<>();
        for (SeededBug b : values()) if (b.concurrent()) out.add(b);
        return out;
    }

    public static Optional<SeededBug> byId(String id) {
        for (SeededBug b : values()) if (b.id.equals(id)) return Optional.of(b);
        return Optional.empty();
    }
}
