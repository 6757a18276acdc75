package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.check.Check;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;

/** The catalogue cannot drift from the code: every check is in a family, every invariant has its tests. */
class CatalogueTest {
    @Test
    void everyCheckAppearsInSomeFamily() {
        Set<Check> listed = new HashSet<>();
        for (Catalogue.Family f : Catalogue.families()) listed.addAll(f.refusals());
        assertThat(listed).containsExactlyInAnyOrder(Check.values());
        assertThat(Catalogue.families()).hasSize(16);
        Catalogue.Family mmuext = Catalogue.families().get(2);
        assertThat(mmuext.name()).isEqualTo("mmuext_op");
        assertThat(mmuext.refusals()).contains(Check.MMUEXT_ALREADY_PINNED, Check.UPPER_BAD_TYPE).doesNotContain(Check.GNTTAB_IN_USE);
    }

    @Test
    void everyInvariantNamesItsDefinitionAndExistingTests() throws ClassNotFoundException {
        List<String> ids = new ArrayList<>();
        for (Invariant i : Invariants.ALL) {
            ids.add(i.id());
            assertThat(Class.forName(i.definedIn())).isNotNull();
            for (String t : i.testedBy()) assertThat(Class.forName(t)).as("%s is tested by %s", i.id(), t).isNotNull();
            assertThat(i.statement()).isNotBlank();
        }
        assertThat(ids).containsExactly("INV-1", "INV-2", "INV-3", "INV-4", "INV-5", "INV-6", "INV-7", "INV-8", "INV-9", "INV-10",
                "INV-11", "INV-12", "INV-13");
    }
}
