package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.VM_ASSIST_BAD_TYPE;
import static pvspec.model.abi.check.Check.VM_ASSIST_UNKNOWN_COMMAND;

import pvspec.model.abi.Result;
import pvspec.model.abi.VmAssist;

/** {@code do_vm_assist} (common/domain.c:2378-2398): one bit of the caller's own assists. */
final class VmAssistOps {
    private VmAssistOps() {}

    /** {@code PV64_VM_ASSIST_MASK} (asm/domain.h:779-790): types 0-5 and m2p_strict (32). */
    private static final long PV64_VALID = 0b11_1111L | 1L << 32;

    static Result apply(Txn t, VmAssist h) {
        long type = h.type() & 0xFFFF_FFFFL;
        long cmd = h.cmd() & 0xFFFF_FFFFL;
        if (type >= 64 || (PV64_VALID & 1L << type) == 0) throw Refused.of(VM_ASSIST_BAD_TYPE);
        long bits = t.dom.vars[Dom.VM_ASSIST];
        if (cmd == VmAssist.CMD_ENABLE) t.setLong(t.dom.vars, Dom.VM_ASSIST, bits | 1L << type);
        else if (cmd == VmAssist.CMD_DISABLE) t.setLong(t.dom.vars, Dom.VM_ASSIST, bits & ~(1L << type));
        else throw Refused.of(VM_ASSIST_UNKNOWN_COMMAND);
        return Result.OK;
    }
}
