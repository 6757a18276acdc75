package pvspec.model.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Mode;
import pvspec.model.abi.TrapInfo;
import pvspec.model.testing.Fixture;
import pvspec.model.testing.Scenarios;
import pvspec.model.testing.TraceRun;

/** States are values: equality by content, a hash that is stable across runs, a Config that cannot be ill-formed. */
class StateValuesTest {
    @Test
    void theHashOfAStateIsTheSameInEveryRun() {
        // Golden values: a change here means fingerprints of saved runs no longer match.
        assertThat(State.initial(Config.small()).hashCode()).isEqualTo(goldenInitial());
        assertThat(Fixture.oneGuest().hashCode()).isEqualTo(Fixture.oneGuest().hashCode());
        assertThat(new TrapBounce(14, true, Mode.USER, new TrapInfo(14, 3, 0xe033, 1)).hashCode())
                .isNotEqualTo(new TrapBounce(14, true, Mode.KERNEL, new TrapInfo(14, 3, 0xe033, 1)).hashCode());
    }

    private static int goldenInitial() {
        return 569922245; // since a vCPU has a user root and a mode (issue 14, the kernel/user split)
    }

    @Test
    void statesAreEqualExactlyWhenTheirContentsAre() {
        List<State> states = TraceRun.of(Scenarios.trace("destroy-returns-everything")).states();
        for (int i = 0; i < states.size(); i++) {
            for (int j = 0; j < states.size(); j++) {
                boolean same = states.get(i).equals(states.get(j));
                if (i == j) assertThat(same).isTrue();
                if (same) assertThat(states.get(i).hashCode()).isEqualTo(states.get(j).hashCode());
            }
        }
        State a = Fixture.oneGuest();
        assertThat(a).isNotEqualTo(a.withFrame(5, a.frame(5).withDataTag(1)));
        assertThat(a).isNotEqualTo(a.withDomain(a.dom(2).withPauseCount(2)));
        assertThat(a).isNotEqualTo(State.initial(a.config()));
        assertThat(a).isNotEqualTo("a state");
        assertThat(State.initial(Config.small())).isNotEqualTo(State.initial(Config.withDefaults(2, 4, 16, 3, 2, 8, 4)));
    }

    @Test
    void differentFramesAndDomainsHashDifferently() {
        Frame f = Frame.allocated(1, 4);
        assertThat(f.withCount(2).hashCode()).isNotEqualTo(f.hashCode());
        assertThat(f.withPinned(true).hashCode()).isNotEqualTo(f.hashCode());
        assertThat(f.withAllocated(false).hashCode()).isNotEqualTo(f.hashCode());
        assertThat(f.withLinearCount(-1).hashCode()).isNotEqualTo(f.hashCode());
        assertThat(f.withDataTag(1).hashCode()).isNotEqualTo(f.hashCode());
        assertThat(f.withType(PageType.L1, 1).hashCode()).isNotEqualTo(f.withType(PageType.L2, 1).hashCode());
        Domain d = Fixture.oneGuest().dom(1);
        assertThat(d.withPauseCount(d.pauseCount() + 1).hashCode()).isNotEqualTo(d.hashCode());
        assertThat(d.withLife(Lifecycle.DYING).hashCode()).isNotEqualTo(d.hashCode());
        assertThat(d.withMaxPages(9).hashCode()).isNotEqualTo(d.hashCode());
        assertThat(d.withCallbacks(1, 0).hashCode()).isNotEqualTo(d.hashCode());
    }

    @Test
    void aConfigThatDescribesNoMachineCannotBeBuilt() {
        Config ok = new Config(2, 4, 16, 1, 2, 1, 3, 1, 8, 4);
        assertThat(ok).isEqualTo(Config.small());
        assertThatThrownBy(() -> new Config(1, 4, 16, 1, 2, 1, 3, 1, 8, 4)).hasMessageContaining("levels");
        assertThatThrownBy(() -> new Config(5, 4, 16, 1, 2, 1, 3, 1, 8, 4)).hasMessageContaining("levels");
        assertThatThrownBy(() -> new Config(2, 1, 16, 1, 0, 1, 3, 1, 8, 4)).hasMessageContaining("entries");
        assertThatThrownBy(() -> new Config(2, 513, 16, 1, 2, 1, 3, 1, 8, 4)).hasMessageContaining("entries");
        assertThatThrownBy(() -> new Config(2, 4, 16, 0, 2, 1, 3, 1, 8, 4)).hasMessageContaining("hypervisor frame");
        assertThatThrownBy(() -> new Config(2, 4, 1, 1, 2, 1, 3, 1, 8, 4)).hasMessageContaining("frames");
        assertThatThrownBy(() -> new Config(2, 4, (1 << 24) + 1, 1, 2, 1, 3, 1, 8, 4)).hasMessageContaining("frames");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 3, 2, 3, 1, 8, 4)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, -1, 1, 3, 1, 8, 4)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 0, 0, 3, 1, 8, 4)).hasMessageContaining("reserved");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 0, 4, 3, 1, 8, 4)).hasMessageContaining("top-level");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 0, 1, 8, 4)).hasMessageContaining("domains");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 65, 1, 8, 4)).hasMessageContaining("domains");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 0, 8, 4)).hasMessageContaining("vcpus");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 65, 8, 4)).hasMessageContaining("vcpus");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 1, 1, 4)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 1, 4097, 4)).hasMessageContaining("ports");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 1, 8, 0)).hasMessageContaining("grants");
        assertThatThrownBy(() -> new Config(2, 4, 16, 1, 2, 1, 3, 1, 8, 4097)).hasMessageContaining("grants");
        new Config(2, 2, 3, 2, 1, 1, 1, 1, 2, 1);
        new Config(4, 512, 1 << 24, 16, 256, 16, 64, 64, 4096, 4096);
    }

    @Test
    void aConfigMapsAddressesToIndicesAndBack() {
        Config c = Config.realistic();
        assertThat(c.vaPages()).isEqualTo(1L << 36);
        long va = c.va(256, 1, 2, 3);
        assertThat(c.index(va, 4)).isEqualTo(256);
        assertThat(c.index(va, 1)).isEqualTo(3);
        assertThat(c.hypervisorRange(va)).isTrue();
        assertThat(c.hypervisorRange(c.va(272, 0, 0, 0))).isFalse();
        assertThat(c.xenFrameForSlot(271)).isEqualTo(15);
        assertThat(c.xenFrameForSlot(256)).isZero();
        assertThat(new Config(2, 8, 16, 2, 4, 3, 3, 1, 8, 4).xenFrameForSlot(6)).isEqualTo(0);
        assertThatThrownBy(() -> c.va(1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wordsAreImmutableValues() {
        Words z = Words.zero(4);
        assertThat(z).isSameAs(Words.zero(4));
        assertThat(Words.zero(600).size()).isEqualTo(600);
        assertThat(Words.zero(512).isZero()).isTrue();
        Words w = z.with(1, 7);
        assertThat(z.get(1)).isZero();
        assertThat(w.get(1)).isEqualTo(7);
        assertThat(w.with(1, 7)).isSameAs(w);
        assertThat(w).isEqualTo(Words.of(0, 7, 0, 0)).isNotEqualTo(z).isNotEqualTo(Words.of(0, 7, 0)).isNotEqualTo("w");
        assertThat(w.hashCode()).isEqualTo(Words.of(0, 7, 0, 0).hashCode());
        assertThat(w.toArray()).containsExactly(0, 7, 0, 0);
        assertThat(w.toString()).isEqualTo("[0, 7, 0, 0]");
    }
}
