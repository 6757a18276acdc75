package pvspec.checker.predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pvspec.model.rules.Step;
import pvspec.model.state.State;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;

/**
 * Every atom on the state the example check file's scenario builds, with values read off Xen's
 * reference discipline (not off the model), and every kind of malformed predicate with its column.
 *
 * <p>The state: frame 0 is Xen's; d1 owns 1 (L2, pinned, its base), 2 (L1) and 3 (data, mapped
 * writable at 0.0 and granted writable to d2 as ref 0); d2 owns 4 (L2, pinned), 5 (L1), 6 (data at
 * 0.0) and maps d1's 3 at 0.1 through the grant; frame 7 is free.
 */
class PredicateTest {
    private static State s;

    @BeforeAll
    static void scenario() throws Exception {
        s = state(Path.of("../examples/shared-page.check"));
    }

    static State state(Path file) throws IOException, pvspec.model.trace.TraceSyntaxException {
        Trace t = Trace.parse(file.toString(), Files.readString(file));
        State st = State.initial(t.config());
        for (TraceStep step : t.steps()) st = Step.step(st, step.caller(), step.call()).state();
        return st;
    }

    private static boolean holds(String p) throws PredicateSyntaxException {
        return PredicateParser.parse(p, s.config()).test(s);
    }

    @Test
    void ownersTypesAndCounts() throws Exception {
        assertThat(holds("owner(0) = xen and owner(3) = d1 and owner(6) = d2 and owner(7) = none")).isTrue();
        assertThat(holds("type(1) = l2 and type(2) = l1 and type(3) = writable and type(7) = none and type(5) != l2")).isTrue();
        // page 3: its allocation, d1's L1 entry and d2's grant mapping are general references; both mappings are writable.
        assertThat(holds("count(3) = 3 and typecount(3) = 2")).isTrue();
        assertThat(holds("count(3) > 2 and count(3) >= 3 and count(3) < 4 and count(3) <= 3 and count(3) != 2")).isTrue();
        assertThat(holds("pinned(1) and pinned(4) and not pinned(2)")).isTrue();
    }

    @Test
    void domainsPortsAndGrants() throws Exception {
        assertThat(holds("alive(dom0) and alive(d1) and alive(d2)")).isTrue();
        assertThat(holds("granted(d1, 0) and not granted(d2, 0)")).isTrue();
        assertThat(holds("port(d1, 1) = free and port(d2, 1) != interdomain")).isTrue();
    }

    @Test
    void accessThroughWalks() throws Exception {
        assertThat(holds("writable(d1, 3) and writable(d2, 3) and writable(d2, 6)")).isTrue();
        assertThat(holds("readable(d2, 3) and readable(d1, 3)")).isTrue();
        // tables are walked, not mapped: no self-map, so no guest reads its own tables, let alone writes them.
        assertThat(holds("readable(d1, 1) or readable(d1, 2) or writable(d1, 2) or readable(d2, 5)")).isFalse();
        assertThat(holds("readable(d1, 6) or writable(d2, 1)")).isFalse();
    }

    @Test
    void mappedAddresses() throws Exception {
        assertThat(holds("mapped(d1, 0.0) and mapped(d2, 0.0) and mapped(d2, 0.1)")).isTrue();
        assertThat(holds("mapped(d1, 0.1) or mapped(d2, 1.0) or mapped(d2, 3.3)")).isFalse();
        assertThat(holds("mapped(d2, 1)")).isTrue(); // page number 1 is 0.1
    }

    @Test
    void notBindsTighterThanAndThanOr() throws Exception {
        assertThat(holds("not alive(d1) or alive(d2)")).isTrue();
        assertThat(holds("alive(d1) or alive(d2) and false")).isTrue();
        assertThat(holds("(alive(d1) or alive(d2)) and false")).isFalse();
        assertThat(holds("not not true")).isTrue();
        assertThat(holds("pinned(1) = true and pinned(2) = false")).isTrue();
    }

    private static void error(String p, int column, String problem) {
        assertThatThrownBy(() -> PredicateParser.parse(p, s.config())).isInstanceOf(PredicateSyntaxException.class)
                .satisfies(e -> {
                    assertThat(((PredicateSyntaxException) e).problem()).isEqualTo(problem);
                    assertThat(((PredicateSyntaxException) e).column()).isEqualTo(column);
                });
    }

    @Test
    void malformedPredicatesSayWhereAndWhat() {
        error("", 1, "empty predicate");
        error("owner(3) = d9", 12, "'d9' is not a domain (dom0, d1, d2, xen, none)");
        error("type(3) = l5", 11, "'l5' is not a page type (none, l1, l2, l3, l4, writable, seg_desc)");
        error("port(d1, 1) = open", 15, "'open' is not a port state (free, reserved, unbound, interdomain, virq, ipi, none)");
        error("type(3) < l1", 9, "'<' orders numbers only; a page type takes = or !=");
        error("count(3) = d1", 12, "'d1' is not a number");
        error("owner(3) = count(3)", 12, "cannot compare a domain with a number");
        error("owner(99) = d1", 7, "a frame number, 0 to frames-1; found 99");
        error("alive(d7)", 7, "expected a domain (dom0 to d2), found 'd7'");
        error("owner(3)", 1, "'owner' is a domain, not true or false: compare it (=, !=, <, <=, >, >=)");
        error("count(3)", 1, "'count' is a number, not true or false: compare it (=, !=, <, <=, >, >=)");
        error("pinned(3) and", 14, "expected an atom, a number or a value, found the end of the predicate");
        error("frobnicate(3)", 1, "unknown atom 'frobnicate' (owner(F), type(F), count(F), typecount(F), pinned(F), alive(D), "
                + "writable(D, F), readable(D, F), mapped(D, VA), port(D, P), granted(D, REF))");
        error("(alive(d1)", 11, "expected ')', found the end of the predicate");
        error("alive(d1) alive(d2)", 11, "expected 'and', 'or' or the end, found 'alive'");
        error("count(3) == 3", 10, "unknown operator '==' (=, !=, <, <=, >, >=)");
        error("writable(d1)", 12, "expected ',' (writable(D, F) takes 2 arguments), found ')'");
        error("alive(d1, 2)", 9, "expected ')' (alive(D) takes 1 argument), found ','");
        error("mapped(d1, 0.9)", 14, "index '9' is not 0 to 3");
        error("mapped(d1, 0.1.2)", 12, "a dotted address has 2 indices, found '0.1.2'");
        error("count(3) = \u0663", 12, "unexpected character '\u0663'");
        error("count(3) = 99999999999999999999", 12, "number too large: 99999999999999999999");
        error("d1 = d2", 1, "a comparison needs an atom on one side, such as owner(3) or count(3)");
        error("granted(d1, 2)", 13, "a grant reference, 0 to grants-1; found 2");
        error("not", 4, "expected an atom, a number or a value, found the end of the predicate");
        error("maybe", 1, "'maybe' is not a truth value (false, true)");
    }
}
