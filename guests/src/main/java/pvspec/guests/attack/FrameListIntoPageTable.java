package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_virt_addr;
import static pvspec.model.abi.Gntst.GNTST_okay;

import pvspec.model.abi.DomId;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * {@code GNTTABOP_setup_table} writes the grant frames' numbers to a guest address with the
 * hypervisor's hand ({@code __copy_to_guest_offset}, grant_table.c:2142-2155). A PV kernel maps
 * its own page tables read-only; were Xen's ring-0 store to ignore that ({@code CR0.WP} clear),
 * a frame list placed over the kernel's view of its L1 would write frame numbers into a
 * validated page table, behind validation. With {@code CR0.WP} set the store faults and the
 * exception-table fixup makes it {@code GNTST_bad_virt_addr}; Xen's own fault is never emulated
 * as a writable-page-table store (traps.c:1707, asm/regs.h:13-16).
 */
public final class FrameListIntoPageTable implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("frame-list-into-page-table", "-", "page-table write behind validation",
                "setup_table with its frame list over the kernel's read-only views of its own L1 and of its top-level table",
                "GNTST_bad_virt_addr both times; both tables are unchanged; the same list in a data page is GNTST_okay");
    }

    @Override
    public void run(AttackScript s) {
        Guest g = s.guest(6, 0);
        long l1 = g.l1(0);
        long top = g.top();
        Frame l1Before = s.state().frame(l1);
        Frame topBefore = s.state().frame(top);
        int self = DomId.DOMID_SELF;
        s.attempt(g.hp(), new GrantTableOp.SetupTable(self, 1, g.va(l1) << 12), gnt(GNTST_bad_virt_addr));
        s.attempt(g.hp(), new GrantTableOp.SetupTable(self, 1, g.va(top) << 12 | 8), gnt(GNTST_bad_virt_addr));
        s.attempt(g.hp(), new GrantTableOp.SetupTable(self, 1, g.va(g.data(0)) << 12), gnt(GNTST_okay));
        s.postcondition("both tables are unchanged", st -> st.frame(l1).equals(l1Before) && st.frame(top).equals(topBefore));
    }
}
