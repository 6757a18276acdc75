package pvspec.properties.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;
import pvspec.properties.gen.Garbage;
import pvspec.properties.run.Worlds;

/** The world fuzz tests start from, and the fuzzer's bytes as a source of numbers. */
final class FuzzWorld {
    private FuzzWorld() {}

    /** Two guests; d1 runs on its own page tables and has granted a frame to d2. */
    static final String TEXT = Worlds.TWO_GUESTS
            + "d1: mmu_update ptr=2[0] val=3:P|RW|US ptr=2[1] val=2:P|US ptr=1[0] val=2:P|RW|US\n"
            + "d1: mmuext_op pin_l2_table mfn=1 ; new_baseptr mfn=1\n"
            + "d2: mmu_update ptr=7[0] val=8:P|RW|US ptr=6[0] val=7:P|RW|US\n"
            + "d2: mmuext_op pin_l2_table mfn=6 ; new_baseptr mfn=6\n"
            + "d1: grant ref=0 domid=2 frame=4 readonly=false\n"
            + "d1: event_channel_op alloc_unbound dom=self remote_dom=2\n";

    static State twoGuestsWithTables() {
        return Fixture.state(TEXT);
    }

    static Garbage.Source source(FuzzedDataProvider data) {
        return new Garbage.Source() {
            @Override public int below(int n) { return data.consumeInt(0, n - 1); }
            @Override public long anyLong() { return data.consumeLong(); }
        };
    }
}
