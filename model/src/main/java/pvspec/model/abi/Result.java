package pvspec.model.abi;

import java.util.List;

/**
 * What a request returns to the guest.
 *
 * <p>The variants: {@link Ok}; a {@link Value} (a port, a domain id, a grant handle, a count);
 * the frames a {@code populate_physmap} allocated ({@link Extents}); an error code ({@link Err});
 * an error part-way through a batch ({@link Partial}: how many requests took effect before it);
 * a grant status ({@link Gnt}); a {@link Fault} raised by a guest memory access or software
 * interrupt; the {@code struct evtchn_status} an {@code EVTCHNOP_status} fills in
 * ({@link EvtchnStatus}); a {@code multicall}'s entries' replies ({@link Multi}).
 *
 * <p>The records spell out {@code equals}, {@code hashCode} and {@code toString}: hash codes must
 * be stable across runs (enum hash codes are not), and Java PathFinder cannot execute the
 * compiler-generated versions.
 */
public sealed interface Result
        permits Result.Ok, Result.Value, Result.Extents, Result.Err, Result.Partial, Result.Gnt,
                Result.Fault, Result.EvtchnStatus, Result.Multi, Result.Restart, Result.GntSize {

    /** Whether the guest's request was carried out (wholly, for a batch). */
    boolean succeeded();

    Ok OK = new Ok();
    Fault FAULT = new Fault();

    static Value value(long v) {
        return new Value(v);
    }

    static Err err(Errno e) {
        return new Err(e);
    }

    static Gnt gnt(Gntst s) {
        return new Gnt(s);
    }

    /** The request was carried out. */
    record Ok() implements Result {
        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) { return o instanceof Ok; }
        @Override public int hashCode() { return 1; }
        @Override public String toString() { return "OK"; }
    }

    /** The request was carried out and returns a number. */
    record Value(long value) implements Result {
        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) { return o instanceof Value && ((Value) o).value == value; }
        @Override public int hashCode() { return 2 + 31 * Long.hashCode(value); }
        @Override public String toString() { return Long.toString(value); }
    }

    /** {@code populate_physmap} allocated these frames, in order (possibly fewer than asked). */
    record Extents(List<Long> mfns) implements Result {
        public Extents {
            mfns = List.copyOf(mfns);
        }

        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) { return o instanceof Extents && ((Extents) o).mfns.equals(mfns); }
        @Override public int hashCode() { return 3 + 31 * mfns.hashCode(); }
        @Override public String toString() { return Integer.toString(mfns.size()); }
    }

    /** The request was refused with an error code; nothing changed. */
    record Err(Errno errno) implements Result {
        public Err {
            if (errno == null) throw new IllegalArgumentException("errno");
        }

        @Override public boolean succeeded() { return false; }
        @Override public boolean equals(Object o) { return o instanceof Err && ((Err) o).errno == errno; }
        @Override public int hashCode() { return 4 + 31 * errno.ordinal(); }
        @Override public String toString() { return errno.name(); }
    }

    /** A batch stopped at request number {@code done} (0-based) with {@code errno}; the requests before it took effect. */
    record Partial(Errno errno, int done) implements Result {
        public Partial {
            if (errno == null) throw new IllegalArgumentException("errno");
        }

        @Override public boolean succeeded() { return false; }
        @Override public boolean equals(Object o) {
            return o instanceof Partial && ((Partial) o).errno == errno && ((Partial) o).done == done;
        }
        @Override public int hashCode() { return 5 + 31 * (errno.ordinal() * 8191 + done); }
        @Override public String toString() { return errno.name() + " done=" + done; }
    }

    /**
     * The call was preempted: Xen returned {@code -ERESTART} inside and made a hypercall
     * continuation ({@code hypercall_create_continuation}, mm.c:3951-3969), so the guest sees no
     * result yet: its vCPU re-issues the call for requests {@code done} onwards (Xen advances the
     * request handle by {@code done} and passes {@code (count - done) | MMU_UPDATE_PREEMPTED}; when
     * every request is done and only a deferred put is left, the null continuation: a batch of
     * none). What the requests before {@code done} did, and any partial state, stays; other vCPUs
     * and domains run before the continuation does.
     */
    record Restart(int done) implements Result {
        @Override public boolean succeeded() { return false; }
        @Override public boolean equals(Object o) { return o instanceof Restart && ((Restart) o).done == done; }
        @Override public int hashCode() { return 9 + 31 * done; }
        @Override public String toString() { return "restart done=" + done; }
    }

    /** A grant-table status: {@code GNTST_okay} or the reason for a refusal. */
    record Gnt(Gntst status) implements Result {
        public Gnt {
            if (status == null) throw new IllegalArgumentException("status");
        }

        @Override public boolean succeeded() { return status == Gntst.GNTST_okay; }
        @Override public boolean equals(Object o) { return o instanceof Gnt && ((Gnt) o).status == status; }
        @Override public int hashCode() { return 6 + 31 * status.ordinal(); }
        @Override public String toString() { return status.name(); }
    }

    /** A guest access or software interrupt was not permitted and raised a fault. */
    record Fault() implements Result {
        @Override public boolean succeeded() { return false; }
        @Override public boolean equals(Object o) { return o instanceof Fault; }
        @Override public int hashCode() { return 7; }
        @Override public String toString() { return "fault"; }
    }

    /**
     * {@code EVTCHNOP_status}'s answer ({@code event_channel.c:evtchn_status}): the
     * {@code EVTCHNSTAT_*} code, the union's fields that code fills in (an unbound port's remote
     * domain; an interdomain port's remote domain and port; a VIRQ) and the notified vCPU, which
     * Xen reports whatever the state. Printed as one word, the fields of the code only:
     * {@code EVTCHNSTAT_interdomain(dom=2,port=1,vcpu=0)}.
     */
    record EvtchnStatus(int status, int dom, int port, int virq, int vcpu) implements Result {
        public static final int CLOSED = 0;
        public static final int UNBOUND = 1;
        public static final int INTERDOMAIN = 2;
        public static final int VIRQ = 4;
        public static final int IPI = 5;

        public static EvtchnStatus closed(int vcpu) { return new EvtchnStatus(CLOSED, 0, 0, 0, vcpu); }
        public static EvtchnStatus unbound(int dom, int vcpu) { return new EvtchnStatus(UNBOUND, dom, 0, 0, vcpu); }
        public static EvtchnStatus interdomain(int dom, int port, int vcpu) { return new EvtchnStatus(INTERDOMAIN, dom, port, 0, vcpu); }
        public static EvtchnStatus virq(int virq, int vcpu) { return new EvtchnStatus(VIRQ, 0, 0, virq, vcpu); }
        public static EvtchnStatus ipi(int vcpu) { return new EvtchnStatus(IPI, 0, 0, 0, vcpu); }

        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) {
            if (!(o instanceof EvtchnStatus)) return false;
            EvtchnStatus e = (EvtchnStatus) o;
            return e.status == status && e.dom == dom && e.port == port && e.virq == virq && e.vcpu == vcpu;
        }
        @Override public int hashCode() { return 8 + 31 * (status + 7 * (dom + 31 * (port + 31 * (virq + 31 * vcpu)))); }
        @Override public String toString() {
            switch (status) {
                case UNBOUND: return "EVTCHNSTAT_unbound(dom=" + dom + ",vcpu=" + vcpu + ")";
                case INTERDOMAIN: return "EVTCHNSTAT_interdomain(dom=" + dom + ",port=" + port + ",vcpu=" + vcpu + ")";
                case VIRQ: return "EVTCHNSTAT_virq(virq=" + virq + ",vcpu=" + vcpu + ")";
                case IPI: return "EVTCHNSTAT_ipi(vcpu=" + vcpu + ")";
                default: return "EVTCHNSTAT_closed(vcpu=" + vcpu + ")";
            }
        }
    }

    /**
     * {@code HYPERVISOR_multicall} returned 0 ({@code common/multicall.c:do_multicall}; an
     * {@code iret} entry's own return value, which pvspec does not model, when it ends the call):
     * what each entry that ran wrote to its {@code result} field, with the check that refused it.
     * Entries after the last one listed did not run. Printed as one word:
     * {@code [OK,EINVAL/done=0,fault]}.
     */
    record Multi(List<pvspec.model.abi.check.Reply> entries) implements Result {
        public Multi {
            entries = List.copyOf(entries);
        }

        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) { return o instanceof Multi && ((Multi) o).entries.equals(entries); }
        @Override public int hashCode() { return 9 + 31 * entries.hashCode(); }
        @Override public String toString() {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < entries.size(); i++) b.append(i == 0 ? "" : ",").append(entries.get(i).result().toString().replace(' ', '/'));
            return b.append(']').toString();
        }
    }

    /**
     * {@code GNTTABOP_query_size}'s answer ({@code grant_table.c:gnttab_query_size}): status
     * {@code GNTST_okay} with the grant table's current and largest size in frames. Printed as one
     * word: {@code GNTST_okay(nr_frames=1,max_nr_frames=2)}.
     */
    record GntSize(int nrFrames, int maxNrFrames) implements Result {
        @Override public boolean succeeded() { return true; }
        @Override public boolean equals(Object o) {
            return o instanceof GntSize && ((GntSize) o).nrFrames == nrFrames && ((GntSize) o).maxNrFrames == maxNrFrames;
        }
        @Override public int hashCode() { return 10 + 31 * (nrFrames + 31 * maxNrFrames); }
        @Override public String toString() { return "GNTST_okay(nr_frames=" + nrFrames + ",max_nr_frames=" + maxNrFrames + ")"; }
    }
}
