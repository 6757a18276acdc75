package pvspec.model.abi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Errno;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;

/** Every errno value and GNTST status is either some check's result or listed, with its reason, as unreturned: never both, never neither. */
class UnreturnedTest {

    @Test
    void everyCodeIsReturnedByACheckOrSaysWhyNot() {
        Set<Errno> errnos = EnumSet.noneOf(Errno.class);
        Set<Gntst> statuses = EnumSet.of(Gntst.GNTST_okay); // a success, not a check's
        for (Check c : Check.values()) {
            if (c.result() instanceof Result.Err) errnos.add(((Result.Err) c.result()).errno());
            if (c.result() instanceof Result.Gnt) statuses.add(((Result.Gnt) c.result()).status());
        }
        assertThat(errnos).containsExactlyInAnyOrder(Errno.values());
        for (Gntst g : Gntst.values()) {
            assertThat(Unreturned.of(g.name()).isPresent()).as("%s is listed as unreturned exactly when no check returns it", g).isNotEqualTo(statuses.contains(g));
        }
    }

    @Test
    void eachReasonCitesXenAndSaysWhatTheModelLacks() {
        assertThat(Unreturned.values()).extracting(Unreturned::status).containsExactly(
                Gntst.GNTST_no_device_space, Gntst.GNTST_address_too_big);
        for (Unreturned u : Unreturned.values()) {
            assertThat(u.why()).as(u.status().name()).startsWith("Xen returns it ").containsPattern("[a-z_/]+\\.[ch]:\\d+");
            if (u != Unreturned.NO_DEVICE_SPACE) assertThat(u.why()).as(u.status().name()).contains("the model has");
        }
        assertThat(Unreturned.of("GNTST_address_too_big")).contains(Unreturned.ADDRESS_TOO_BIG);
        assertThat(Unreturned.of("GNTST_eagain")).as("swap_grant_ref of a mapped entry returns it").isEmpty();
        assertThat(Unreturned.of("GNTST_no_space")).isEmpty();
        assertThat(Unreturned.of("EINVAL")).isEmpty();
    }
}
