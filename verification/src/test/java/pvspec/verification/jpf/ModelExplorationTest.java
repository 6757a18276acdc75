package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Harness 2 on the JVM: its transition function, driven by an explicit-state search that matches
 * states by their digest (JPF matches heaps), finds exactly the states the independent
 * breadth-first search finds.
 */
class ModelExplorationTest {
    static final Call[] MENU = ModelExploration.menu();

    @Test
    void theHarnessFindsExactlyTheStatesOfAPlainBreadthFirstSearch() {
        ModelBfs.Count bfs = ModelBfs.explore(ModelExploration.start(), MENU);
        Map<String, State> seen = new HashMap<>();
        ArrayDeque<State> stack = new ArrayDeque<>();
        State start = Canon.of(ModelExploration.start());
        seen.put(StateDigest.of(start), start);
        stack.push(start);
        int[] reported = new int[1];
        while (!stack.isEmpty()) {
            State s = stack.pop();
            for (int i = 0; i < MENU.length; i++) {
                int choice = i;
                State t = ModelExploration.next(s, MENU, new Choices() {
                    @Override public int choose(int n) {
                        return choice;
                    }

                    @Override public void completed(int vector) {
                        reported[0]++;
                    }
                });
                State before = seen.putIfAbsent(StateDigest.of(t), t);
                if (before == null) stack.push(t);
                else assertThat(before).as("equal digests, equal states").isEqualTo(t);
            }
        }
        System.out.printf("model exploration: %d states, %d transitions, depth %d%n", bfs.states(), bfs.transitions(), bfs.depth());
        assertThat(seen).hasSize(bfs.states());
        assertThat(reported[0]).isEqualTo(bfs.transitions());
        assertThat(bfs.states()).isGreaterThan(100);
    }

    @Test
    void theBuiltInCheckersConfigurationIsTheHarnessConfiguration() throws Exception {
        String text = Files.readString(Path.of("jpf/model.check"));
        Trace t = Trace.parse("model.check", text);
        assertThat(t.config()).isEqualTo(ModelExploration.CONFIG);
        List<Call> setup = ModelExploration.setup();
        assertThat(t.steps()).hasSameSizeAs(setup);
        for (int i = 0; i < setup.size(); i++) {
            assertThat(t.steps().get(i).caller()).isEqualTo(setup.get(i).caller);
            assertThat(t.steps().get(i).call()).isEqualTo(setup.get(i).request);
        }
        StringBuilder requests = new StringBuilder(text.lines().filter(l -> l.startsWith("config ")).findFirst().orElseThrow()).append('\n');
        text.lines().filter(l -> l.startsWith("#! request ")).forEach(l -> requests.append(l.substring("#! request ".length())).append('\n'));
        List<TraceStep> menu = Trace.parse("model.check requests", requests.toString()).steps();
        assertThat(menu).hasSize(MENU.length);
        for (int i = 0; i < MENU.length; i++) {
            assertThat(menu.get(i).caller()).as("request %d", i).isEqualTo(MENU[i].caller);
            assertThat(menu.get(i).call()).as("request %d", i).isEqualTo(MENU[i].request);
        }
    }

    @Test
    void canonicalStatesEqualTheOriginals() {
        State s = ModelExploration.start();
        for (Call c : MENU) {
            s = pvspec.model.rules.Step.step(s, c.caller, c.request).state();
            assertThat(Canon.of(s)).isEqualTo(s);
            assertThat(StateDigest.of(Canon.of(s))).isEqualTo(StateDigest.of(s));
        }
    }
}
