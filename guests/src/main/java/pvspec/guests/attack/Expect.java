package pvspec.guests.attack;

import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.Result;

/** Shorthands the attacks write their requests and expected results with. */
final class Expect {
    private Expect() {}

    /** A batch ({@code mmu_update}, {@code mmuext_op}) refused at its first request. */
    static Result batch(Errno e) {
        return new Result.Partial(e, 0);
    }

    static Result err(Errno e) {
        return Result.err(e);
    }

    static Result gnt(Gntst s) {
        return Result.gnt(s);
    }

    static long pte(long mfn, PteFlag... flags) {
        return Pte.make(mfn, flags);
    }

    /**
     * Whether a stored entry is {@code given} as Xen keeps it: {@code adjust_guest_l1e..l4e}
     * ({@code pv/mm.h}) add US, A, G and the guest-kernel bit, so only the other bits compare.
     */
    static boolean storedAs(long stored, long given) {
        long added = PteFlag.US.mask() | PteFlag.A.mask() | PteFlag.G.mask() | Pte.GUEST_KERNEL;
        return (stored & ~added) == (given & ~added) && Pte.present(stored) == Pte.present(given);
    }

    /** A virtual page in the hypervisor's first reserved top-level slot. */
    static long hypervisorVa(pvspec.model.state.Config c) {
        long perSlot = 1;
        for (int i = 1; i < c.levels(); i++) perSlot *= c.entries();
        return c.reservedFirst() * perSlot;
    }
}
