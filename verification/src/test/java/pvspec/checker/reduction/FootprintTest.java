package pvspec.checker.reduction;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.abi.SchedOp;
import pvspec.model.rules.Outcome;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.StepFunction;
import pvspec.checker.search.Scenario;
import pvspec.checker.Checks;

/** Footprints are recorded from what a step really touches, and decide which steps commute. */
class FootprintTest {

    private static final CheckConfig MIRROR = Checks.load("mirror");
    private static final State ROOT = Scenario.finalState(MIRROR.scenario(), StepFunction.MODEL);

    private static Footprint footprint(Caller c, pvspec.model.abi.Hypercall h) {
        Tracker t = new Tracker();
        State w = new State(ROOT.config(), new TrackingVector<>(ROOT.frames(), t), new TrackingMap<>(ROOT.domains(), t));
        Step.step(w, c, h);
        return t.footprint();
    }

    /** d1 writes a word into its data frame 3 (d2's is 6). */
    private static final MmuUpdate D1_DATA = MmuUpdate.one(3, 1, Pte.make(2, PteFlag.P, PteFlag.US));
    private static final MmuUpdate D2_DATA = MmuUpdate.one(6, 1, Pte.make(5, PteFlag.P, PteFlag.US));

    @Test
    void aDataWriteReadsAndWritesItsFrameAndReadsItsCaller() {
        Footprint f = footprint(Caller.kernel(1), D1_DATA);
        assertThat(f.writeFrames()).isEqualTo(Footprint.bit(3));
        assertThat(f.readFrames() & Footprint.bit(3)).isNotZero();
        assertThat(f.readDoms() & Footprint.bit(1)).isNotZero();
        assertThat(f.writeDoms()).isZero();
    }

    @Test
    void twoDomainsWritingTheirOwnFramesCommute() {
        Footprint a = footprint(Caller.kernel(1), D1_DATA);
        Footprint b = footprint(Caller.kernel(2), D2_DATA);
        assertThat(Footprint.independent(a, b)).isTrue();
        State ab = Step.step(Step.step(ROOT, Caller.kernel(1), D1_DATA).state(), Caller.kernel(2), D2_DATA).state();
        State ba = Step.step(Step.step(ROOT, Caller.kernel(2), D2_DATA).state(), Caller.kernel(1), D1_DATA).state();
        assertThat(ab).isEqualTo(ba);
    }

    @Test
    void writesToOneFrameDoNotCommute() {
        Footprint a = footprint(Caller.kernel(1), D1_DATA);
        Footprint b = footprint(Caller.kernel(1), MmuUpdate.one(3, 1, Pte.NONE));
        assertThat(Footprint.independent(a, b)).isFalse();
    }

    @Test
    void aRefusalReadsLittleAndIsUnaffectedByOtherDomainsWrites() {
        Footprint refused = footprint(Caller.user(1, 0), new SchedOp.Yield());
        Footprint write = footprint(Caller.kernel(2), D2_DATA);
        assertThat(refused.writeFrames() | refused.writeDoms()).isZero();
        assertThat(Footprint.unaffectedBy(refused, write)).isTrue();
        Outcome o = Step.step(Step.step(ROOT, Caller.kernel(2), D2_DATA).state(), Caller.user(1, 0), new SchedOp.Yield());
        assertThat(o.result()).isEqualTo(Step.step(ROOT, Caller.user(1, 0), new SchedOp.Yield()).result());
    }

    @Test
    void destroyingADomainTouchesEverything() {
        Footprint f = footprint(Caller.kernel(0), new Domctl.DestroyDomain(1));
        assertThat(f.readFrames()).isEqualTo(-1L);
        assertThat(f.readDoms()).isEqualTo(-1L);
        assertThat(Footprint.independent(f, footprint(Caller.kernel(2), D2_DATA))).isFalse();
    }
}
