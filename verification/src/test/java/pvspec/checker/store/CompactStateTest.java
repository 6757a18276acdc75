package pvspec.checker.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcollections.IntTreePMap;
import org.pcollections.PMap;
import org.pcollections.PVector;
import org.pcollections.TreePVector;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.search.Scenario;
import pvspec.model.rules.Step;
import pvspec.model.state.State;

/** The search's array-backed states behave as the model's persistent trees: same values, same order, same equality. */
class CompactStateTest {

    @Test
    void anArrayVectorChangesLikeATreeVector() {
        PVector<String> tree = TreePVector.from(List.of("a", "b", "c"));
        PVector<String> arr = ArrayVector.of(tree);
        assertThat(arr).isEqualTo(tree).hasSameHashCodeAs(tree);
        assertThat(arr.with(1, "x")).isEqualTo(tree.with(1, "x")).isNotEqualTo(arr);
        assertThat(arr.with(1, "b")).isSameAs(arr);
        assertThat(arr.plus("d")).isEqualTo(tree.plus("d"));
        assertThat(arr.plus(0, "z")).isEqualTo(tree.plus(0, "z"));
        assertThat(arr.minus(0)).isEqualTo(tree.minus(0));
        assertThat(arr.minus("c")).isEqualTo(tree.minus("c"));
        assertThat(arr.subList(1, 3)).isEqualTo(tree.subList(1, 3));
        assertThat(arr).containsExactly("a", "b", "c"); // unchanged by the changes above
    }

    @Test
    void anArrayIntMapChangesAndIteratesLikeAnIntTreeMap() {
        PMap<Integer, String> tree = IntTreePMap.<String>empty().plus(5, "five").plus(-1, "minus").plus(2, "two");
        PMap<Integer, String> arr = ArrayIntMap.of(tree);
        assertThat(arr).isEqualTo(tree).hasSameHashCodeAs(tree);
        assertThat(arr.keySet()).containsExactly(-1, 2, 5);
        assertThat(arr.values()).containsExactly("minus", "two", "five");
        PMap<Integer, String> more = arr.plus(3, "three").plus(9, "nine").minus(-1);
        assertThat(more).isEqualTo(tree.plus(3, "three").plus(9, "nine").minus(-1));
        assertThat(more.keySet()).containsExactly(2, 3, 5, 9);
        assertThat(more.get(3)).isEqualTo("three");
        assertThat(more.get("3")).isNull();
        assertThat(more.containsKey(-1)).isFalse();
        assertThat(arr.plus(2, "two")).isSameAs(arr);
        assertThat(arr.minusAll(List.of(2, 5))).isEqualTo(Map.of(-1, "minus"));
        assertThat(arr).hasSize(3); // unchanged
    }

    @Test
    void theDefaultsInitialStateConvertsToAnEqualStateWhoseStepsEqualTheModelsSteps() {
        CheckConfig c = CheckConfig.small();
        State model = Scenario.finalState(c.scenario(), Step::step);
        State compact = CompactState.of(model);
        assertThat(compact).isEqualTo(model).hasSameHashCodeAs(model);
        assertThat(compact.frames()).isInstanceOf(ArrayVector.class);
        for (var r : c.requests().all()) {
            State a = Step.step(model, r.caller(), r.call()).state();
            State b = Step.step(compact, r.caller(), r.call()).state();
            assertThat(b).as(r.caller() + ": " + r.call()).isEqualTo(a);
            assertThat(StateCodec.encode(b)).isEqualTo(StateCodec.encode(a));
        }
    }
}
