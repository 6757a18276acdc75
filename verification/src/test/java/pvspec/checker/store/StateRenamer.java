package pvspec.checker.store;

import pvspec.model.abi.Pte;
import pvspec.model.state.State;
import pvspec.model.state.shape.Name;
import pvspec.model.state.shape.Rebuilder;
import pvspec.model.state.shape.StateShape;

/**
 * Builds the renamed state itself (tests only), through the state's description, so that
 * {@link StateCodec}'s direct renaming can be checked against it.
 */
public final class StateRenamer {
    private StateRenamer() {}

    public static State rename(State s, Renaming r) {
        int frames = s.config().frames();
        return StateShape.rebuild(s, new Rebuilder() {
            @Override
            public int integer(Name name, int value, int granter) {
                return r.integer(name, value, granter);
            }

            @Override
            public long longInteger(Name name, long value) {
                if (name == Name.MFN) return r.frame(value, frames);
                if (name != Name.PTE) return value;
                long mfn = Pte.mfn(value);
                return mfn < frames ? (value & ~Pte.MFN_MASK) | r.mfn(mfn) << Pte.MFN_SHIFT : value;
            }

            @Override
            public int source(Name index, int granter, int p) {
                return r.source(index, granter, p);
            }
        });
    }
}
