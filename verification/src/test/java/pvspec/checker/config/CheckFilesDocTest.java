package pvspec.checker.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pvspec.checker.predicate.Atom;
import pvspec.checker.predicate.Atoms;
import pvspec.checker.predicate.PredicateParser;
import pvspec.checker.predicate.Type;
import pvspec.model.state.Config;
import pvspec.model.trace.Trace;
import pvspec.checker.report.CheckReport;
import pvspec.checker.report.Status;
import pvspec.checker.search.ModelChecker;

/** {@code docs/check-files.md} cannot drift from the parser: its directives, atoms, grammar, values and examples are the code's. */
class CheckFilesDocTest {
    private static String doc;
    private static final Config EIGHT_FRAMES = Config.withDefaults(2, 4, 8, 3, 1, 4, 2);

    @BeforeAll
    static void read() throws Exception {
        doc = Files.readString(Path.of("../docs/check-files.md"));
    }

    private static List<String> blocks(String info) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("```" + info + "\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void everyDirectiveHasItsSectionAndNoOtherIsDocumented() {
        Set<String> documented = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^### `#! (\\w+)").matcher(doc);
        while (m.find()) documented.add(m.group(1));
        assertThat(documented).containsExactlyElementsOf(CheckConfigParser.DIRECTIVES);
    }

    @Test
    void theAtomTableIsTheAtomsOfThePredicateLanguage() {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\| `(\\w+\\([^)]*\\))` \\| ([a-z ]+) \\| (.+) \\|$").matcher(doc);
        while (m.find()) rows.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3));
        List<String> atoms = new ArrayList<>();
        for (Atom a : Atoms.ALL) atoms.add(a.signature() + " | " + a.type().noun() + " | " + a.meaning());
        assertThat(rows).containsExactlyElementsOf(atoms);
    }

    @Test
    void theGrammarIsTheParsers() {
        assertThat(blocks("grammar")).containsExactly(PredicateParser.GRAMMAR + "\n");
    }

    @Test
    void theValueNamesAreTheParsers() {
        for (Type t : List.of(Type.BOOLEAN, Type.PAGE_TYPE, Type.PORT_STATE)) {
            List<String> names = new ArrayList<>();
            for (String n : t.names(EIGHT_FRAMES).keySet()) names.add("`" + n + "`");
            assertThat(doc).contains("| " + t.noun() + " | " + String.join(", ", names) + " |");
        }
        assertThat(Type.DOMAIN.names(EIGHT_FRAMES).keySet()).containsExactly("dom0", "d1", "d2", "xen", "none");
    }

    @Test
    void everyExamplePredicateParses() throws Exception {
        List<String> lines = blocks("predicate").get(0).lines().toList();
        assertThat(lines).hasSizeGreaterThan(5);
        for (String p : lines) PredicateParser.parse(p, EIGHT_FRAMES);
    }

    @Test
    void everyExampleCheckFileParsesAndRuns() throws Exception {
        List<String> files = blocks("check");
        assertThat(files).isNotEmpty();
        for (String f : files) {
            CheckConfig c = CheckConfig.parse("doc.check", f);
            assertThat(c.properties().isEmpty()).isFalse();
            CheckReport r = ModelChecker.run(c, Options.defaults().withThreads(1));
            assertThat(r.status()).isEqualTo(Status.WITNESS);
            assertThat(r.witness().orElseThrow().depth()).isEqualTo(2); // pin 1, pin 2
            Trace.parse("doc.check", f); // and it is a trace replay reads
        }
    }

    @Test
    void everyBuiltInArgumentDomainIsNamed() {
        for (String name : ArgumentDomains.defaults(Config.small()).names()) assertThat(doc).contains("`" + name + "`");
    }

    @Test
    void theLimitsItStatesAreTheParsers() {
        assertThat(doc).contains(String.format("at most %,d of them", CheckConfigParser.MAX_RANGE))
                .contains(String.format("at most\n%,d requests", RequestSpace.MAX_REQUESTS));
    }
}
