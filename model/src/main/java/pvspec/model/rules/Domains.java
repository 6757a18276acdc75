package pvspec.model.rules;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Frame;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.Relinquish;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/** Domain teardown ({@code domain_kill} / {@code domain_relinquish_resources}) and its end. */
final class Domains {
    private Domains() {}

    /** The lowest unused domain id at or above 1, or -1. */
    static int lowestFreeId(State s) {
        for (int id = 1; id < s.config().domains(); id++) if (!s.domains().containsKey(id)) return id;
        return -1;
    }

    /**
     * {@code XEN_DOMCTL_destroydomain}: {@code domain_kill} (domain.c:1307-1354). An alive domain
     * becomes dying ({@link #die}); then, as for a dying one whose teardown a preemption stopped,
     * {@code domain_relinquish_resources} goes on from its recorded stage
     * ({@link #relinquishResources}). Preempted, the call returns {@code -ERESTART}, which
     * {@code do_domctl} turns into a continuation of the same call (domctl.c:755-759): the model's
     * {@code restart done=0}, and the toolstack re-issues it; until then other domains see the
     * half torn-down domain. A domain whose teardown finished ({@code DOMDYING_dead}) is left alone.
     */
    static Outcome kill(State s, int id, Caller current, Preemption p) {
        if (s.dom(id).relinquish() == Relinquish.DONE) return Outcome.of(s, Result.OK);
        if (s.dom(id).life() != Lifecycle.DYING) s = die(s, id, current);
        try {
            return Outcome.of(relinquishResources(s, id, current, p), Result.OK);
        } catch (Preempted x) {
            return Outcome.of(x.state(), new Result.Restart(0));
        }
    }

    /**
     * {@code DOMDYING_alive} to {@code DOMDYING_dying} and what comes before any preemption point
     * the model has: its grant mappings are released ({@code gnttab_release_mappings}: device parts
     * drop their references; host parts' stay with the grant PTEs, dropped as its page tables go),
     * its ports close ({@code evtchn_destroy}: their peers wait for it again). Neither loop checks
     * for preemption at the model's sizes (grant_table.c:3908-3928 every 512 handles,
     * event_channel.c:1668-1681 every 64 ports). Its vCPUs never run again: the model forgets their
     * TLBs, traps, callbacks and segments (Xen keeps them, unused), and keeps what the teardown
     * puts: base pointers, deferred puts, descriptor tables.
     */
    private static State die(State s, int id, Caller current) {
        Domain d = s.dom(id);
        s = s.withDomain(d.withLife(Lifecycle.DYING));
        for (int p = 0; p < d.ports().size(); p++) s = EventChannelRules.closePort(s, id, p);
        s = GrantTableRules.releaseMappings(s, id, current);
        for (int v = 0; v < d.vcpus().size(); v++) {
            Vcpu old = s.dom(id).vcpu(v);
            Vcpu kept = Vcpu.INITIAL.withDescriptors(old.descriptors()).withBaseptr(old.baseptr())
                    .withUserBaseptr(old.userBaseptr()).withOldGuestTable(old.oldGuestTable());
            s = s.withDomain(s.dom(id).withVcpu(v, kept));
        }
        return s;
    }

    /**
     * {@code domain_relinquish_resources} (domain.c:2441-2612) from the domain's stage
     * ({@code d->arch.rel_priv}): the vCPUs' page tables ({@link #vcpuDestroyPagetables}; the loop
     * starts again at vCPU 0, which finds its work done), their GDTs, then {@code relinquish_memory}
     * over the page list for L4, L3 and L2 tables ({@link #relinquishMemory}). ({@code current}
     * gets no #GP from the grant PTEs the domain's tables drop: their owner is dying,
     * mm.c:1220-1221.) {@link Preempted} carries the state with the stage recorded.
     */
    private static State relinquishResources(State s, int id, Caller current, Preemption p) {
        Relinquish stage = s.dom(id).relinquish();
        if (stage.compareTo(Relinquish.VCPU_PAGETABLES) <= 0) {
            s = progress(s, id, Relinquish.VCPU_PAGETABLES, 0);
            int vcpus = s.dom(id).vcpus().size();
            for (int v = 0; v < vcpus; v++) s = vcpuDestroyPagetables(s, id, v, current, p);
            for (int v = 0; v < vcpus; v++) s = DescriptorRules.destroyGdt(s, id, v, current); // domain.c:2535-2544
            s = progress(s, id, Relinquish.L4, 0);
        }
        for (Relinquish pass : PASSES) {
            if (s.dom(id).relinquish() != pass) continue;
            s = relinquishMemory(s, id, pass, current, p);
            s = progress(s, id, Relinquish.values()[pass.ordinal() + 1], 0);
        }
        return s;
    }

    private static final List<Relinquish> PASSES = List.of(Relinquish.L4, Relinquish.L3, Relinquish.L2);

    private static State progress(State s, int id, Relinquish stage, int next) {
        return s.withDomain(s.dom(id).withRelinquish(stage, next));
    }

    /**
     * {@code vcpu_destroy_pagetables} (mm.c:3216-3290): the vCPU's deferred put first
     * ({@code put_old_guest_table}: preempted, it stays pending), then {@code guest_table} and
     * {@code guest_table_user}, each cleared and put preemptibly; a preempted put becomes the
     * vCPU's {@code old_guest_table} (partial), and a user root not yet reached stays for the
     * continuation (mm.c:3247-3280, XSA-310's {@code ececa12b2c}).
     */
    private static State vcpuDestroyPagetables(State s, int id, int v, Caller current, Preemption p) {
        s = OldGuestTable.put(s, id, v, current, p);
        long base = s.dom(id).vcpu(v).baseptr();
        if (base != Vcpu.NO_BASEPTR) {
            s = s.withDomain(s.dom(id).withVcpu(v, s.dom(id).vcpu(v).withBaseptr(Vcpu.NO_BASEPTR)));
            s = putRoot(s, id, v, base, current, p);
        }
        long user = s.dom(id).vcpu(v).userBaseptr();
        if (user != Vcpu.NO_BASEPTR) {
            s = s.withDomain(s.dom(id).withVcpu(v, s.dom(id).vcpu(v).withUserBaseptr(Vcpu.NO_BASEPTR)));
            s = putRoot(s, id, v, user, current, p);
        }
        return s;
    }

    private static State putRoot(State s, int id, int v, long mfn, Caller current, Preemption p) {
        try {
            return PageTypes.putPageAndType(s, mfn, current, p);
        } catch (Preempted x) {
            throw new Preempted(OldGuestTable.defer(x.state(), id, v, mfn));
        }
    }

    /**
     * {@code relinquish_memory(d, &d->page_list, type)} (domain.c:2288-2439): each frame of the
     * domain from the pass's recorded position on ({@link Domain#relinquishNext}), then Xen's
     * preemption check (domain.c:2424-2428); fired, the pass resumes at the next frame.
     */
    private static State relinquishMemory(State s, int id, Relinquish pass, Caller current, Preemption p) {
        for (int mfn = s.dom(id).relinquishNext(); mfn < s.frames().size(); mfn++) {
            if (s.frame(mfn).owner() != id) continue;
            s = progress(s, id, pass, mfn);
            s = relinquishPage(s, mfn, pass.passLevel(), current, p);
            if (p.fires()) throw new Preempted(progress(s, id, pass, mfn + 1));
        }
        return s;
    }

    /**
     * One frame of a {@code relinquish_memory} pass: a reference held across it
     * ({@code get_page}: a frame of the domain always has one to take); its pin dropped with
     * {@code put_page_and_type_preemptible} (domain.c:2308-2347: preempted, the table is partial,
     * the pin's general reference and the held one go, and the frame stays next in the list,
     * not pinned again: XSA-299's {@code bf656e02d8}); its allocation reference dropped
     * ({@code put_page_alloc_ref}); a partial table of the pass's level torn down from
     * {@code nr_validated_ptes} ({@link PageTypes#putPartial}: preempted again, it stays partial
     * and next in the list, domain.c:2360-2407); then the held reference goes, freeing the frame
     * if it was the last. (Xen also forcibly devalidates a still-validated table of the pass's
     * level, whose type a same-level linear entry of a later table holds: docs/xen-conformance.md.)
     */
    private static State relinquishPage(State s, long mfn, int level, Caller current, Preemption p) {
        Frame f = s.frame(mfn);
        s = s.withFrame(mfn, f.withCount(f.count() + 1));
        if (f.pinned()) {
            try {
                s = PageTypes.putPageAndType(s.withFrame(mfn, s.frame(mfn).withPinned(false)), mfn, current, p);
            } catch (Preempted x) {
                throw new Preempted(PageTypes.putPage(PageTypes.putPage(x.state(), mfn), mfn));
            }
        }
        f = s.frame(mfn);
        if (f.allocated()) s = PageTypes.putPage(s.withFrame(mfn, f.withAllocated(false)), mfn);
        if (s.frame(mfn).type().level() == level) {
            try {
                s = PageTypes.putPartial(s, mfn, current, p);
            } catch (Preempted x) {
                throw new Preempted(PageTypes.putPage(x.state(), mfn));
            }
        }
        return PageTypes.putPage(s, mfn);
    }

    /**
     * A dying domain whose teardown finished, that owns no frame any more, and whose grants no
     * mapping names, is gone (one whose teardown a preemption stopped stays until its re-issued
     * {@code destroydomain} ends it: Xen's domain list holds it until {@code domain_kill}'s
     * {@code put_domain}, domain.c:1345).
     * (Xen frees it with its last page, even while a mapper whose grant PTE was replaced still
     * names its grants; pvspec hands out the lowest free id, so it keeps the domain until those
     * mappings go, lest a new domain with that id inherit them: see docs/xen-conformance.md.)
     */
    static State reap(State s) {
        for (Domain d : s.domains().values()) {
            if (d.relinquish() == Relinquish.DONE && !Frames.ownsAny(s, d.id()) && !grantsInUse(d)) s = s.withoutDomain(d.id());
        }
        return s;
    }

    private static boolean grantsInUse(Domain d) {
        for (var g : d.grants()) if (g.inUse()) return true;
        return false;
    }
}
