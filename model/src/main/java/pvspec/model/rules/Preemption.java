package pvspec.model.rules;

/**
 * Xen's {@code hypercall_preempt_check()} during one call, as the request states it: it returns
 * true at its {@code N}-th evaluation ({@code @preempt=N}), never when the request names no
 * point. The model evaluates it where Xen does on the paths it has: the batch loop of
 * {@code do_mmuext_op} before every command but the first (mm.c:3512), {@code promote_l2/l3_table}
 * before every entry past the first of this attempt (mm.c:1429, 1548), {@code demote_l2/l3_table}
 * after every entry but the last (mm.c:1884, 1934; L4 has neither), and inside an L3/L4 table's
 * (de)validation the same checks of its children's, in Xen's order, one count for the call.
 * Counting makes it the one mutable object of a step, local to it.
 */
final class Preemption {
    /** A call with no preemption point. */
    static final Preemption NEVER = new Preemption(0);

    private final int at;
    private int evaluated;

    private Preemption(int at) {
        this.at = at;
    }

    static Preemption at(int n) {
        return n <= 0 ? NEVER : new Preemption(n);
    }

    /** One evaluation of {@code hypercall_preempt_check()}. */
    boolean fires() {
        return at > 0 && ++evaluated == at;
    }
}
