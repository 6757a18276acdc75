package pvspec.model.abi;

/** A hypercall number outside pvspec's ABI: {@code ENOSYS}. */
public record UnknownHypercall(int number) implements Hypercall {
    @Override
    public String kind() {
        return "hypercall";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.unknown(this);
    }
}
