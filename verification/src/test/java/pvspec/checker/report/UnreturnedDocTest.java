package pvspec.checker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Unreturned;

/** docs/xen-conformance.md's list of the statuses no rule returns is the model's ({@link Unreturned}), word for word, in its order. */
class UnreturnedDocTest {

    @Test
    void theConformanceDocumentQuotesEveryReason() throws Exception {
        String doc = Files.readString(Path.of("../docs/xen-conformance.md"));
        int at = doc.indexOf("**GNTST statuses no rule returns");
        assertThat(at).as("the section").isNotNegative();
        List<String> listed = new ArrayList<>();
        Matcher item = Pattern.compile("^- `(GNTST_\\w+)`: (.*)$", Pattern.MULTILINE).matcher(doc.substring(at, doc.indexOf("\n\n", doc.indexOf("\n- `", at))));
        while (item.find()) listed.add(item.group(1) + ": " + item.group(2));
        List<String> expected = new ArrayList<>();
        for (Unreturned u : Unreturned.values()) expected.add(u.status().name() + ": " + u.why());
        assertThat(listed).isEqualTo(expected);
    }
}
