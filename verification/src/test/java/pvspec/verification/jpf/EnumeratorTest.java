package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnumeratorTest {
    @Test
    void runsTheHarnessOnceForEveryChoiceVectorLastChoiceFastest() {
        List<String> seen = new ArrayList<>();
        int runs = new Enumerator().exhaust(c -> seen.add(c.choose(2) + "" + c.choose(3)));
        assertThat(runs).isEqualTo(6);
        assertThat(seen).containsExactly("00", "01", "02", "10", "11", "12");
    }

    @Test
    void choicesThatDependOnEarlierChoicesAreEnumeratedToo() {
        List<String> seen = new ArrayList<>();
        new Enumerator().exhaust(c -> {
            int a = c.choose(2);
            seen.add(a == 0 ? "a" : "b" + c.choose(2));
        });
        assertThat(seen).containsExactly("a", "b0", "b1");
    }

    @Test
    void aChoiceWithOneValueIsNoChoice() {
        assertThat(new Enumerator().exhaust(c -> c.choose(1))).isEqualTo(1);
    }

    @Test
    void remembersWhichVectorsCompleted() {
        Enumerator e = new Enumerator();
        e.exhaust(c -> {
            int v = c.choose(4);
            if (v != 2) c.completed(v);
        });
        assertThat(e.completed().cardinality()).isEqualTo(3);
        assertThat(e.completed().get(2)).isFalse();
    }

    @Test
    void aHarnessWhoseChoicesChangeBetweenRunsIsRefused() {
        int[] run = {0};
        assertThatThrownBy(() -> new Enumerator().exhaust(c -> c.choose(run[0]++ == 0 ? 2 : 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not deterministic");
    }
}
