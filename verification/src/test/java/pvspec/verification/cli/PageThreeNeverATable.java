package pvspec.verification.cli;

import java.util.List;
import pvspec.model.invariant.Facts;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Violation;

/** A user's invariant in Java, for {@code check --invariant}: frame 3 never becomes a page table. */
public final class PageThreeNeverATable implements Invariant {
    @Override public String id() { return "page-3-never-a-table"; }
    @Override public String name() { return "page-3-never-a-table"; }
    @Override public String statement() { return "frame 3 is never typed L1..L4"; }

    @Override
    public List<Violation> check(Facts facts) {
        return facts.state().frame(3).type().isPageTable() ? List.of(Violation.frame(id(), 3, "frame 3 is a page table")) : List.of();
    }

    /** One that fails as a defect would: the run must end as an internal error (exit 4), not as a violation. */
    public static final class Throwing implements Invariant {
        @Override public String id() { return "throws"; }
        @Override public String name() { return "throws"; }
        @Override public String statement() { return "throws"; }

        @Override
        public List<Violation> check(Facts facts) {
            throw new IllegalStateException("a defect in a user's invariant");
        }
    }
}
