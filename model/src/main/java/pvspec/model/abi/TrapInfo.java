package pvspec.model.abi;

/**
 * One virtual-IDT entry ({@code struct trap_info}): the handler for {@code vector}, the
 * least-privileged ring allowed to raise it with {@code INT n} ({@code dpl}), the code
 * selector it runs with, and its address.
 */
public record TrapInfo(int vector, int dpl, int cs, long address) {
    /** The ring a selector requests: its low two bits. */
    public int rpl() {
        return cs & 3;
    }
}
