package pvspec.model.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;

/** The catalogue cannot drift from the code: every refusal constant is listed, every invariant has its tests. */
class CatalogueTest {
    @Test
    void everyRefusalConstantIsInItsClassesList() throws Exception {
        for (Class<?> c : Catalogue.rulesClasses()) {
            Field list = c.getDeclaredField("REFUSALS");
            list.setAccessible(true);
            List<?> listed = (List<?>) list.get(null);
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Refusal.class) continue;
                f.setAccessible(true);
                Object value = f.get(null);
                assertThat(listed.contains(value)).as("%s.%s is listed in %s.REFUSALS", c.getSimpleName(), f.getName(), c.getSimpleName()).isTrue();
            }
        }
    }

    @Test
    void everyRefusalAppearsInSomeFamilyWithItsName() {
        Set<String> names = new HashSet<>();
        for (Catalogue.Family f : Catalogue.families()) for (Catalogue.Entry e : f.refusals()) names.add(e.name());
        assertThat(names).contains("MmuextOpRules.ALREADY_PINNED", "PageTypes.LINEAR_CHAIN", "GrantTableRules.IN_USE", "Step.USER_MODE");
        assertThat(Catalogue.families()).hasSize(11);
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
