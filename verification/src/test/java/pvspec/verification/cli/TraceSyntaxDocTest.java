package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pvspec.checker.config.Kinds;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.MmuextOp;
import pvspec.model.abi.PteFlag;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.model.trace.TraceSyntaxException;
import pvspec.verification.replay.Replayer;

/** docs/trace-syntax.md cannot drift from the parser: its examples parse (and replay as they say), and it covers every request kind. */
class TraceSyntaxDocTest {
    private static final Path DOC = Path.of("../docs/trace-syntax.md");

    private static List<String> blocks(String doc, String language) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyExampleParsesAndReplaysAsItSays() throws Exception {
        String doc = Files.readString(DOC);
        List<String> examples = blocks(doc, "trace");
        assertThat(examples).hasSizeGreaterThan(8);
        for (String text : examples) {
            Trace t = Trace.parse("example", text);
            Replayer.Report r = Replayer.replay(t, Replayer.implementations());
            assertThat(r.firstProblem()).as("%s%n%s", text, r.firstProblem().map(x -> "line " + x.step().line() + ": " + x.problem().get()).orElse(""))
                    .isEmpty();
        }
    }

    @Test
    void everyRequestKindOfTheAbiHasAnExample() throws Exception {
        Set<String> shown = new TreeSet<>();
        for (String text : blocks(Files.readString(DOC), "trace")) {
            for (TraceStep s : Trace.parse("example", text).steps()) {
                if (s.call() instanceof MmuextOp) for (MmuextOp.Op op : ((MmuextOp) s.call()).ops()) shown.add(mmuextKind(op));
                else shown.add(Kinds.of(s.call()));
            }
        }
        assertThat(shown).containsAll(Kinds.ALL);
    }

    private static String mmuextKind(MmuextOp.Op op) {
        return "mmuext_op " + (op instanceof MmuextOp.Unknown ? "cmd" : op.name());
    }

    @Test
    void everyNameTheParserKnowsIsDocumented() throws Exception {
        String doc = Files.readString(DOC);
        for (PteFlag f : PteFlag.values()) assertThat(doc).contains("`" + f.name() + "`");
        for (Errno e : Errno.values()) assertThat(doc).contains("`" + e.name() + "`");
        for (Gntst g : Gntst.values()) assertThat(doc).contains("`" + g.name() + "`");
        for (String key : List.of("levels", "entries", "frames", "domains", "vcpus", "ports", "grants", "xen_frames", "reserved")) {
            assertThat(doc).contains("| `" + key + "` |");
        }
        for (String flag : List.of("host_map", "readonly", "device_map", "application_map", "contains_pte", "tlb_flush", "invlpg", "local", "all")) {
            assertThat(doc).contains("`" + flag + "`");
        }
        assertThat(doc).contains("increase_reservation").contains("foreigndom=").contains("`self`").contains("/user");
    }

    @Test
    void everyErrorExampleIsTheParsersMessage() throws Exception {
        List<String> errors = blocks(Files.readString(DOC), "trace-error");
        assertThat(errors).isNotEmpty();
        for (String text : errors) {
            String expected = text.lines().filter(l -> l.startsWith("# error: ")).findFirst().orElseThrow().substring("# error: ".length());
            assertThatThrownBy(() -> Trace.parse("example", text)).isInstanceOf(TraceSyntaxException.class).hasMessage("example:" + expected);
        }
    }
}
