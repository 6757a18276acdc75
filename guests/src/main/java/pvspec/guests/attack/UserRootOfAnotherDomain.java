package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.batch;
import static pvspec.model.abi.Errno.EINVAL;

import pvspec.guests.hypercall.Calls;

/**
 * User page tables that are not the guest's (the XSA-213 class: the user root's references).
 * {@code MMUEXT_NEW_USER_BASEPTR} takes the root with {@code get_page_and_type_from_mfn(...,
 * PGT_root_page_table, currd)} (mm.c:3709-3710): another domain's top-level table, already a
 * validated root there, is not the caller's ({@code get_page_from_mfn}, mm.c:1066). Had it been
 * accepted, the guest's user mode would walk the victim's address space.
 */
public final class UserRootOfAnotherDomain implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("user-root-of-another-domain", "XSA-213", "foreign user page tables",
                "NEW_USER_BASEPTR naming the other guest's loaded top-level table",
                "EINVAL; the victim's table keeps only its own references");
    }

    @Override
    public void run(AttackScript s) {
        Guest victim = s.guest(4, 0);
        Guest g = s.guest(4, 0);
        s.attempt(g.hp(), Calls.newUserBaseptr(victim.top()), batch(EINVAL));
        s.postcondition("the attacker has no user root and the victim's root keeps its own references only",
                st -> !st.dom(g.domid()).vcpu(0).hasUserBaseptr() && st.frame(victim.top()).typeCount() == 2);
    }
}
