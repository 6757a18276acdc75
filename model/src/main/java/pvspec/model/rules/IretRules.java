package pvspec.model.rules;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Iret;
import pvspec.model.abi.Result;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * {@code HYPERVISOR_iret} ({@code pv/iret.c:do_iret}, 64-bit): a frame with a ring-3 code
 * selector returns to user mode; without user page tables ({@code guest_table_user} null) Xen
 * crashes the domain (iret.c:68-74, {@code exit_and_crash}: {@code domain_crash}) instead.
 * A frame with another selector stays in kernel mode. The call returns the saved {@code rax},
 * a register value pvspec does not model: {@code OK}.
 */
final class IretRules {
    private IretRules() {}

    static Outcome apply(State s, Caller c, Iret h) {
        if (!h.toUser()) return Outcome.of(s, Result.OK);
        if (!s.dom(c.domain()).vcpu(c.vcpu()).hasUserBaseptr()) {
            return Outcome.of(s.withDomain(s.dom(c.domain()).withLife(Lifecycle.SHUTDOWN)), Result.OK);
        }
        return Outcome.of(Modes.enterUser(s, c.domain(), c.vcpu()), Result.OK);
    }
}
