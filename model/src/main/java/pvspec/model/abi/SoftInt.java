package pvspec.model.abi;

/**
 * A guest software interrupt ({@code INT n}, not a hypercall): delivered to the guest's handler
 * for {@code vector} only if that entry's DPL allows the current mode, otherwise a general
 * protection fault (vector 13).
 */
public record SoftInt(int vector) implements Hypercall {
    @Override
    public String kind() {
        return "softint";
    }

    @Override
    public boolean allowedInUserMode() {
        return true;
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.softInt(this);
    }
}
