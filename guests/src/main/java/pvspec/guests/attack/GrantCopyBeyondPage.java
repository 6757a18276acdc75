package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_copy_arg;

import pvspec.model.abi.DomId;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * A copy's offsets and length are guest values; Xen copies with {@code memcpy} on mapped pages,
 * so a copy past the end of either page would read or write whatever frame the mapping is next
 * to. {@code gnttab_copy_buf} refuses it (grant_table.c:3084-3089) once both sides are claimed.
 */
public final class GrantCopyBeyondPage implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("grant-copy-beyond-page", "-", "out-of-bounds hypervisor copy",
                "copy 8 bytes from 4092 bytes into a page, to 4092 bytes into a page, and 4097 bytes at once",
                "GNTST_bad_copy_arg each time; the destination is unchanged");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long src = g.data(0);
        long dst = g.data(1);
        Frame before = s.state().frame(dst);
        int self = DomId.DOMID_SELF;
        s.attempt(g.hp(), new GrantTableOp.Copy(0, src, self, 4092, dst, self, 0, 8), gnt(GNTST_bad_copy_arg));
        s.attempt(g.hp(), new GrantTableOp.Copy(0, src, self, 0, dst, self, 4092, 8), gnt(GNTST_bad_copy_arg));
        s.attempt(g.hp(), new GrantTableOp.Copy(0, src, self, 0, dst, self, 0, 4097), gnt(GNTST_bad_copy_arg));
        s.postcondition("the destination is unchanged", st -> st.frame(dst).equals(before));
    }
}
