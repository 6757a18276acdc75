package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;
import pvspec.model.state.Words;

/**
 * {@code MMUEXT_COPY_PAGE} writes a whole frame: the target takes the writable type for the
 * copy ({@code get_page_type(dst, PGT_writable_page)}, mm.c:3907-3908), which a validated page
 * table cannot take. Were it skipped, a guest would overwrite its own L1 with any words it likes,
 * behind the validation (and the reference counts) of every entry, the PV isolation argument's
 * premise. The source needs only a general reference: copying out of a page table is allowed.
 */
public final class CopyPageIntoPageTable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("copy-page-into-page-table", "-", "page-table write behind validation",
                "copy a data frame over the guest's own L1 and over its top-level table; copy from a frame of another domain",
                "EINVAL: the target cannot be made writable, the source is not the caller's");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        Guest other = s.guest(4, 0);
        Words l1 = s.state().frame(g.l1(0)).contents();
        s.attempt(g.hp(), Calls.copyPage(g.l1(0), g.data(0)), batch(EINVAL));
        s.attempt(g.hp(), Calls.copyPage(g.top(), g.data(0)), batch(EINVAL));
        s.attempt(g.hp(), Calls.copyPage(g.data(0), other.data(0)), batch(EINVAL));
        s.postcondition("the L1 holds the entries it validated", st -> st.frame(g.l1(0)).contents().equals(l1) && st.frame(g.l1(0)).isTable(1));
    }
}
