package pvspec.model.state;

import pvspec.model.abi.Mode;
import pvspec.model.abi.TrapInfo;

/**
 * The last exception or interrupt the hypervisor bounced into a vCPU's guest kernel.
 *
 * @param vector the vector delivered (14 for a page fault, 13 for a refused software interrupt)
 * @param software whether it was a software interrupt ({@code INT n}) the guest raised
 * @param mode the mode the vCPU was in when it was raised
 * @param handler the virtual-IDT entry it entered through
 */
public record TrapBounce(int vector, boolean software, Mode mode, TrapInfo handler) {
    @Override
    public int hashCode() { // stable across runs: enum hash codes are not
        return ((vector * 2 + (software ? 1 : 0)) * 2 + mode.ordinal()) * 31 + handler.hashCode();
    }
}
