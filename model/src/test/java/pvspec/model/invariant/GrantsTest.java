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
    void aGrantEntryForAFrameTheSlotsMappingDoesNotNameIsCaught() {
        broken("INV-12", s.withFrame(2, s.frame(2).withEntry(2, Pte.make(10, PteFlag.P, PteFlag.US, PteFlag.GNTTAB))), 2L);
    }

    /** Xen lets an ordinary update replace the grant PTE (XSA-234): the mapping then has no PTE. */
    @Test
    void aMappingWhosePteWasReplacedIsAllowed() {
        holds("INV-12", s.withFrame(2, s.frame(2).withEntry(2, Pte.make(9, PteFlag.P, PteFlag.US))));
    }

    @Test
    void aWritableMappingWithoutTheWritingFlagIsCaught() {
        Domain g = s.dom(2);
        GrantEntry e = g.grants().get(0);
        broken("INV-12", s.withDomain(g.withGrant(0, e.withFlags(e.flags() & ~GrantEntry.GTF_writing))), 9L);
    }

    @Test
    void aWritingFlagWithOnlyReadOnlyMappingsIsCaught() {
        State t = pvspec.model.testing.Fixture.oneGuest("d2: grant ref=0 domid=1 frame=9 readonly=true -> OK\n"
                + "d1: grant_table_op map_grant_ref dom=2 ref=0 flags=host_map|readonly host_va=0.2 -> 0\n");
        holds("INV-12", t);
        Domain g = t.dom(2);
        GrantEntry e = g.grants().get(0);
        broken("INV-12", t.withDomain(g.withGrant(0, e.withFlags(e.flags() | GrantEntry.GTF_writing))), null);
        broken("INV-12", t.withDomain(g.withGrant(0, new GrantEntry(e.flags(), 1, 10))), 9L);
    }

    /** Once its PTE is gone, nothing holds the frame for the mapping: Xen does not guarantee the granter still owns it. */
    @Test
    void aMappingOfAFrameItsGranterNoLongerOwnsIsNotAGrantViolation() {
        holds("INV-12", s.withFrame(9, s.frame(9).withDataTag(pvspec.model.abi.DomId.DOMID_INVALID)).withFrame(9,
                new pvspec.model.state.Frame(1, s.frame(9).type(), s.frame(9).typeCount(), s.frame(9).count(), false, true, 0,
                        pvspec.model.abi.DomId.DOMID_INVALID, s.frame(9).contents())));
    }

    @Test
    void aMappingOfAReferenceBeyondTheTableIsCaught() {
        Domain m = s.dom(1);
        pvspec.model.state.Maptrack mt = m.maptrack().get(0);
        broken("INV-12", s.withDomain(m.withMaptrack(m.maptrack().plus(0, new pvspec.model.state.Maptrack(2, 99, mt.frame(), mt.flags())))), 9L);
    }
}
