package pvspec.checker.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pvspec.model.state.Config;
import pvspec.model.state.State;
import pvspec.checker.store.NodeStore;

/** A level entry keeps its least incoming edge and the state that edge produced, in whatever order edges arrive. */
class LevelTest {

    @Test
    void theLeastEdgeAndItsStateWin() {
        State a = State.initial(Config.small());
        State b = State.initial(Config.realistic());
        Level.Entry e = new Level.Entry(true);
        e.offer(NodeStore.edge(5, 3), a);
        e.offer(NodeStore.edge(2, 9), b);
        e.offer(NodeStore.edge(4, 0), a);
        assertThat(e.best()).isEqualTo(NodeStore.edge(2, 9));
        assertThat(e.state()).isSameAs(b);
    }

    @Test
    void aStateThatWillNotBeExpandedIsNotKept() {
        Level.Entry e = new Level.Entry(false);
        e.offer(NodeStore.edge(1, 1), State.initial(Config.small()));
        assertThat(e.state()).isNull();
        assertThat(e.best()).isEqualTo(NodeStore.edge(1, 1));
    }

    @Test
    void edgesSortByParentThenRequest() {
        assertThat(NodeStore.edge(1, 0xFFFFFF)).isLessThan(NodeStore.edge(2, 0));
        assertThat(NodeStore.edgeParent(NodeStore.edge(123456, 789))).isEqualTo(123456);
        assertThat(NodeStore.edgeRequest(NodeStore.edge(123456, 789))).isEqualTo(789);
    }
}
