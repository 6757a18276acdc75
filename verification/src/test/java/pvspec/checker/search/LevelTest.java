package pvspec.checker.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.checker.store.NodeStore;
import pvspec.checker.store.StateKey;

/** A level keeps, per key, its least incoming edge and the state that edge produced, in whatever order edges arrive. */
class LevelTest {

    @Test
    void theLeastEdgeAndItsStateWin() {
        State a = State.initial(Config.small());
        State b = State.initial(Config.realistic());
        LevelMap m = new LevelMap(true);
        assertThat(m.offer(7L, NodeStore.edge(5, 3), a)).isTrue();
        assertThat(m.offer(7L, NodeStore.edge(2, 9), b)).isFalse();
        assertThat(m.offer(7L, NodeStore.edge(4, 0), a)).isFalse();
        assertThat(m.best(7L)).isEqualTo(NodeStore.edge(2, 9));
        LevelMap.Sorted s = m.sorted();
        assertThat(s.best()).containsExactly(NodeStore.edge(2, 9));
        assertThat(s.state()[0]).isSameAs(b);
        assertThat(s.key()[0]).isEqualTo(7L);
    }

    @Test
    void aStateThatWillNotBeExpandedIsNotKept() {
        LevelMap m = new LevelMap(false);
        m.offer(1L, NodeStore.edge(1, 1), State.initial(Config.small()));
        assertThat(m.sorted().state()[0]).isNull();
        assertThat(m.best(1L)).isEqualTo(NodeStore.edge(1, 1));
    }

    @Test
    void manyKeysComeOutInTheOrderOfTheirLeastEdges() {
        Random rnd = new Random(42);
        LevelMap fp = new LevelMap(false);
        LevelMap exact = new LevelMap(false);
        List<Long> keys = new ArrayList<>();
        for (int k = 0; k < 20_000; k++) keys.add(rnd.nextLong());
        for (int k = 0; k < keys.size(); k++) {
            for (int e = 3; e >= 1; e--) { // each key reached by three edges, the least last
                long edge = NodeStore.edge(k * 4L + e, k % 7);
                fp.offer(keys.get(k), edge, null);
                exact.offer(new StateKey(Long.toString(keys.get(k)).getBytes()), edge, null);
            }
        }
        for (LevelMap m : List.of(fp, exact)) {
            assertThat(m.size()).isEqualTo(keys.size());
            long[] best = m.sorted().best();
            for (int k = 0; k < keys.size(); k++) assertThat(best[k]).isEqualTo(NodeStore.edge(k * 4L + 1, k % 7));
        }
        assertThat(fp.sorted().key()[123]).isEqualTo(keys.get(123));
    }

    @Test
    void edgesSortByParentThenRequest() {
        assertThat(NodeStore.edge(1, 0xFFFFFF)).isLessThan(NodeStore.edge(2, 0));
        assertThat(NodeStore.edgeParent(NodeStore.edge(123456, 789))).isEqualTo(123456);
        assertThat(NodeStore.edgeRequest(NodeStore.edge(123456, 789))).isEqualTo(789);
    }
}
