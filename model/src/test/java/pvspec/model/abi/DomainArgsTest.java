package pvspec.model.abi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.DomainArgs.Arg;
import pvspec.model.abi.DomainArgs.Role;
import pvspec.model.trace.SamplesAccess;

class DomainArgsTest {

    @Test
    void renamingChangesExactlyTheListedIdsAndKeepsEverythingElse() {
        assertThat(SamplesAccess.all()).isNotEmpty();
        for (Hypercall h : SamplesAccess.all()) {
            DomainArgs named = DomainArgs.of(h);
            assertThat(named.renamed(d -> d)).as("%s renamed by the identity", h).isEqualTo(h);
            Hypercall moved = named.renamed(d -> d + 1000);
            List<Arg> after = DomainArgs.of(moved).args();
            assertThat(after).as("%s renamed", h).hasSameSizeAs(named.args());
            for (int i = 0; i < after.size(); i++) {
                assertThat(after.get(i)).isEqualTo(new Arg(named.args().get(i).role(), named.args().get(i).id() + 1000));
            }
            assertThat(DomainArgs.of(moved).renamed(d -> d - 1000)).as("%s renamed back", h).isEqualTo(h);
        }
    }

    @Test
    void rolesFollowWhatXenDoesWithEachDomain() {
        assertThat(DomainArgs.of(new EventChannelOp.AllocUnbound(1, 2)).args()).containsExactly(new Arg(Role.TARGET, 1), new Arg(Role.STORED, 2));
        assertThat(DomainArgs.of(new EventChannelOp.BindInterdomain(3, 4)).args()).containsExactly(new Arg(Role.PEER, 3));
        assertThat(DomainArgs.of(new GrantTableOp.MapGrantRef(2, 0, 0, 0)).args()).containsExactly(new Arg(Role.PEER, 2));
        assertThat(DomainArgs.of(new GrantTableWrite.Grant(0, 5, 7, false)).args()).containsExactly(new Arg(Role.STORED, 5));
        assertThat(DomainArgs.of(new MmuUpdate(List.of(), 2)).args()).containsExactly(new Arg(Role.TARGET, 2));
        assertThat(DomainArgs.of(new EventChannelOp.Send(1)).args()).isEmpty();
    }

    @Test
    void everyDomctlIsManagementAndNothingElseIs() {
        assertThat(DomainArgs.of(new Domctl.CreateDomain(4, 1)).management()).isTrue();
        assertThat(DomainArgs.of(new Domctl.Unknown(99)).management()).isTrue();
        assertThat(DomainArgs.of(new Domctl.PauseDomain(1)).management()).isTrue();
        assertThat(DomainArgs.of(new MemoryOp.PopulatePhysmap(1, 1)).management()).isFalse();
        assertThat(DomainArgs.of(new MmuUpdate(List.of(), 2)).management()).isFalse();
    }
}
