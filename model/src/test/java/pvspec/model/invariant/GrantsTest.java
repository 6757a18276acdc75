package pvspec.model.invariant;

import static pvspec.model.invariant.InvariantAssert.broken;
import static pvspec.model.invariant.InvariantAssert.holds;

import org.junit.jupiter.api.Test;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Domain;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.State;
import pvspec.model.testing.Fixture;

/** INV-12 grants. */
class GrantsTest {
    private final State s = Fixture.oneGuest("d2: grant ref=0 domid=1 frame=9 readonly=false -> OK\n"
            + "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map host_va=0.2 -> 0\n");

    @Test
    void holdsForAMappedGrant() {
        holds("INV-12", s);
    }

    @Test
    void aMappingWhoseEntryWasRevokedIsCaught() {
        Domain g = s.dom(2);
        broken("INV-12", s.withDomain(g.withGrant(0, GrantEntry.INVALID)), 9L);
    }

    @Test
    void aMappingWithoutTheInUseFlagsIsCaught() {
        Domain g = s.dom(2);
        broken("INV-12", s.withDomain(g.withGrant(0, g.grants().get(0).withFlags(GrantEntry.GTF_permit_access))), 9L);
    }

    @Test
    void inUseFlagsWithoutAMappingAreCaught() {
        Domain g = s.dom(2);
        broken("INV-12", s.withDomain(g.withGrant(1, new GrantEntry(GrantEntry.GTF_permit_access | GrantEntry.GTF_reading, 1, 10))), null);
    }

    @Test
    void aGrantEntryNoMappingRecordsIsCaught() {
        broken("INV-12", s.withFrame(2, s.frame(2).withEntry(3, Pte.make(10, PteFlag.P, PteFlag.US, PteFlag.GNTTAB))), 2L);
    }

    @Test
    void aMappingWhoseEntryChangedIsCaught() {
        broken("INV-12", s.withFrame(2, s.frame(2).withEntry(2, Pte.make(9, PteFlag.P, PteFlag.US, PteFlag.GNTTAB))), 2L);
    }
}
