package pvspec.model.state.shape;

/** A record's component values in order, as its description's constructor reads them. */
public final class Args {
    private final Object[] values;

    Args(Object[] values) {
        this.values = values;
    }

    public int i(int k) {
        return (Integer) values[k];
    }

    public long l(int k) {
        return (Long) values[k];
    }

    public boolean b(int k) {
        return (Boolean) values[k];
    }

    @SuppressWarnings("unchecked")
    public <X> X o(int k) {
        return (X) values[k];
    }
}
