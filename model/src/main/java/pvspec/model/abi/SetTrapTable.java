package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_set_trap_table}: install handlers in the caller's virtual IDT. An entry
 * whose address is 0 ends the list; an empty list clears the whole table.
 */
public record SetTrapTable(List<TrapInfo> traps) implements Hypercall {
    public SetTrapTable {
        traps = List.copyOf(traps);
    }

    @Override
    public String kind() {
        return "set_trap_table";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.setTrapTable(this);
    }
}
