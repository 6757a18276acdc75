package pvspec.model.rules;

import org.pcollections.TreePMap;
import pvspec.model.state.Domain;
import pvspec.model.state.State;
import pvspec.model.state.Vcpu;

/**
 * The 64-bit PV kernel/user mode switch ({@code pv/domain.c:toggle_guest_mode}): the vCPU's
 * {@code TF_kernel_mode} flips and {@code update_cr3} loads the root of the new mode
 * ({@code guest_table} or {@code guest_table_user}). The CR3 write drops the vCPU's translations
 * (Xen keeps global user mappings, or tags them by PCID; pvspec drops them all, as it does for
 * {@code NEW_BASEPTR}: no translation of one mode is ever used in the other).
 */
final class Modes {
    private Modes() {}

    /**
     * The vCPU enters its guest kernel: a bounce ({@code create_bounce_frame}, x86_64/entry.S:544-551)
     * or a {@code syscall} from user mode ({@code lstar_enter} -> {@code switch_to_kernel}).
     * Nothing happens if it is in kernel mode already.
     */
    static State enterKernel(State s, int dom, int vcpu) {
        Domain d = s.dom(dom);
        Vcpu v = d.vcpu(vcpu);
        return v.userMode() ? s.withDomain(d.withVcpu(vcpu, v.withUserMode(false).withTlb(TreePMap.empty()))) : s;
    }

    /** The vCPU returns to guest user mode ({@code do_iret}, pv/iret.c:75); its user root is loaded. */
    static State enterUser(State s, int dom, int vcpu) {
        Domain d = s.dom(dom);
        Vcpu v = d.vcpu(vcpu);
        return s.withDomain(d.withVcpu(vcpu, v.withUserMode(true).withTlb(TreePMap.empty())));
    }
}
