package pvspec.model.rules;

import static pvspec.model.abi.check.Check.VM_ASSIST_BAD_TYPE;
import static pvspec.model.abi.check.Check.VM_ASSIST_UNKNOWN_COMMAND;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Result;
import pvspec.model.abi.VmAssist;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * {@code HYPERVISOR_vm_assist} ({@code common/domain.c:do_vm_assist}, :2378-2398): the caller
 * sets or clears one bit of its own {@code vm_assist}. The valid bits of a 64-bit PV domain are
 * {@code PV64_VM_ASSIST_MASK} (asm/domain.h:779-790): 4gb_segments (0), 4gb_segments_notify (1),
 * writable_pagetables (2), pae_extended_cr3 (3), architectural_iopl (4), runstate_update_flag (5)
 * and m2p_strict (32). Of these the model acts on writable_pagetables ({@link AccessRules}) and
 * m2p_strict ({@link Frames#hypervisorEntry}, {@code new_baseptr}); the others only change
 * things it does not have (segments, the IOPL, runstate areas), so it keeps their bits and no
 * more.
 */
final class VmAssistRules {
    private VmAssistRules() {}

    /** {@code PV64_VM_ASSIST_MASK}. */
    static final long VALID = 0x3FL | 1L << Domain.VMASST_M2P_STRICT;

    static Outcome apply(State s, Caller c, VmAssist h) {
        long type = h.type() & 0xFFFF_FFFFL; // unsigned int
        long cmd = h.cmd() & 0xFFFF_FFFFL;
        require(type < Long.SIZE && (VALID >>> type & 1) != 0, VM_ASSIST_BAD_TYPE);
        require(cmd == VmAssist.CMD_ENABLE || cmd == VmAssist.CMD_DISABLE, VM_ASSIST_UNKNOWN_COMMAND);
        Domain d = s.dom(c.domain());
        long bits = cmd == VmAssist.CMD_ENABLE ? d.vmAssist() | 1L << type : d.vmAssist() & ~(1L << type);
        return Outcome.of(s.withDomain(d.withVmAssist(bits)), Result.OK);
    }
}
