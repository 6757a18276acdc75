package pvspec.checker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.Checks;
import pvspec.checker.SampleStates;

/** The visited set is only as exact as the state encoding: it must be injective, and renaming it must match renaming the state. */
class StateCodecTest {

    private static List<State> states() {
        List<State> out = new ArrayList<>(SampleStates.scenarios());
        out.addAll(SampleStates.explore(Checks.load("tiny-grants"), 3, 3000));
        out.addAll(SampleStates.explore(CheckConfig.small(), 5, 4000));
        return out;
    }

    @Test
    void decodingAnEncodingGivesTheStateBack() {
        for (State s : states()) assertThat(StateDecoder.decode(StateCodec.encode(s), s.config())).isEqualTo(s);
    }

    @Test
    void distinctStatesOfOneConfigurationHaveDistinctEncodings() {
        Map<Config, Map<String, State>> byConfig = new HashMap<>();
        for (State s : states()) {
            State other = byConfig.computeIfAbsent(s.config(), c -> new HashMap<>()).putIfAbsent(Arrays.toString(StateCodec.encode(s)), s);
            if (other != null) assertThat(other).isEqualTo(s);
        }
        assertThat(byConfig.values().stream().mapToInt(Map::size).sum()).isGreaterThan(4000);
    }

    @Test
    void aSinkThatRemembersSharedRecordsWritesWhatAFreshOneWrites() {
        ByteSink reused = new ByteSink();
        int hits = 0;
        for (State s : states()) {
            StateCodec.encode(s, Renaming.IDENTITY, reused);
            StateCodec.encode(s, Renaming.IDENTITY, reused); // the second time, every shared record comes from the memo
            assertThat(reused.toArray()).isEqualTo(StateCodec.encode(s));
            hits++;
        }
        assertThat(hits).isGreaterThan(4000);
    }

    @Test
    void encodingUnderARenamingIsTheEncodingOfTheRenamedState() {
        Random random = new Random(42);
        ByteSink direct = new ByteSink();
        ByteSink renamed = new ByteSink();
        for (State s : states()) {
            Renaming r = randomRenaming(s.config(), random);
            StateCodec.encode(s, r, direct);
            StateCodec.encode(StateRenamer.rename(s, r), Renaming.IDENTITY, renamed);
            assertThat(direct.toArray()).isEqualTo(renamed.toArray());
        }
    }

    static Renaming randomRenaming(Config c, Random random) {
        int[] dom = identity(c.domains());
        shuffle(dom, 1, random);
        int[] mfn = identity(c.frames());
        shuffle(mfn, c.xenFrames(), random);
        int[][] refs = new int[c.domains()][];
        for (int d = 0; d < c.domains(); d++) {
            refs[d] = identity(c.grants());
            shuffle(refs[d], 0, random);
        }
        return new Renaming(dom, mfn, refs);
    }

    private static int[] identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        return p;
    }

    private static void shuffle(int[] p, int from, Random random) {
        List<Integer> tail = new ArrayList<>();
        for (int i = from; i < p.length; i++) tail.add(p[i]);
        Collections.shuffle(tail, random);
        for (int i = from; i < p.length; i++) p[i] = tail.get(i - from);
    }
}
