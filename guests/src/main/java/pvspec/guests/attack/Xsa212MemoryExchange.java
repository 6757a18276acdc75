package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.err;
import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EPERM;

import java.util.List;
import pvspec.model.abi.DomId;
import pvspec.model.abi.MemoryOp;
import pvspec.model.abi.Result;

/**
 * XSA-212: {@code XENMEM_exchange} trusted the guest's {@code nr_exchanged} and list sizes, so a
 * guest could make Xen read and write beyond its lists. Xen checks them first (memory.c:688-700),
 * and takes in exchange only frames the domain owns with no reference but their allocation
 * ({@code steal_page}): a guest gets no frame of another's for one of its own.
 */
public final class Xsa212MemoryExchange implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("xsa212-memory-exchange", "XSA-212", "memory exchange beyond the guest's lists or of another's frames",
                "XENMEM_exchange with nr_exchanged past the input list, with sizes that overflow or differ, of another guest's frame, for another guest",
                "EINVAL (nr_exchanged, sizes; the frame is not stealable: done=0); EPERM (another domain)");
    }

    @Override
    public void run(AttackScript s) {
        Guest attacker = s.guest(4, 0);
        Guest victim = s.guest(4, 0);
        long mine = attacker.data(0);
        long theirs = victim.data(0);
        s.attempt(attacker.hp(), exchange(DomId.DOMID_SELF, List.of(mine), 1, 5), err(EINVAL));
        s.attempt(attacker.hp(), new MemoryOp.Exchange(DomId.DOMID_SELF, List.of(mine), 0, -1L, 1, DomId.DOMID_SELF, 0), err(EINVAL));
        s.attempt(attacker.hp(), exchange(DomId.DOMID_SELF, List.of(mine), 2, 0), err(EINVAL));
        s.attempt(attacker.hp(), exchange(DomId.DOMID_SELF, List.of(theirs), 1, 0), new Result.Partial(EINVAL, 0));
        s.attempt(attacker.hp(), exchange(victim.domid(), List.of(theirs), 1, 0), err(EPERM));
        s.postcondition("the victim keeps its frame", st -> st.frame(theirs).owner() == victim.domid());
    }

    private static MemoryOp.Exchange exchange(int dom, List<Long> in, long outNr, long nrExchanged) {
        return new MemoryOp.Exchange(dom, in, 0, outNr, 0, dom, nrExchanged);
    }
}
