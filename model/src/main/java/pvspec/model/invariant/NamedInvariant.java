package pvspec.model.invariant;

/** The id, name and statement every invariant carries. */
abstract class NamedInvariant implements Invariant {
    private final String id;
    private final String name;
    private final String statement;

    NamedInvariant(String id, String name, String statement) {
        this.id = id;
        this.name = name;
        this.statement = statement;
    }

    @Override public final String id() { return id; }
    @Override public final String name() { return name; }
    @Override public final String statement() { return statement; }

    /** The id of one named clause of this invariant, {@code INV-12.reading}: a violation names the clause it breaks. */
    final String clause(String name) {
        return id + "." + name;
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
