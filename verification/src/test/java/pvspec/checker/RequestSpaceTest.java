package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Caller;
import pvspec.model.abi.MmuUpdate;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;
import pvspec.checker.config.ArgumentDomains;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.config.Kinds;
import pvspec.checker.config.Request;
import pvspec.checker.config.RequestSpace;

/** Templates expand to the full product of their domains, parsed by the trace parser, ordered by caller, without duplicates. */
class RequestSpaceTest {

    private static final Config C = Config.withDefaults(2, 4, 8, 3, 1, 4, 2);

    private static RequestSpace expand(ArgumentDomains d, String... templates) throws CheckConfigException {
        List<RequestSpace.Template> ts = new java.util.ArrayList<>();
        for (String t : templates) ts.add(new RequestSpace.Template(t, 1, 1));
        return RequestSpace.expand(C, d, ts, "t");
    }

    @Test
    void aTemplateExpandsToTheProductOfItsDomains() throws Exception {
        ArgumentDomains d = ArgumentDomains.defaults(C).with("m", List.of("1", "2", "3")).with("i", List.of("0", "1"))
                .with("p", List.of("0", "{m}:P|RW"));
        RequestSpace s = expand(d, "d1: mmu_update ptr={m}[{i}] val={p}");
        assertThat(s.size()).isEqualTo(3 * 2 * 4);
        assertThat(s.all()).extracting(r -> ((MmuUpdate) r.call()).requests().get(0).val())
                .contains(Pte.NONE, Pte.make(3, PteFlag.P, PteFlag.RW));
    }

    @Test
    void requestsAreOrderedByCallerAndNumberedInOrder() throws Exception {
        ArgumentDomains d = ArgumentDomains.defaults(C).with("who", List.of("d2", "dom0", "d1/user", "d1"));
        RequestSpace s = expand(d, "{who}: sched_op yield", "{who}: sched_op block");
        assertThat(s.all()).extracting(Request::caller).containsExactly(
                Caller.kernel(0), Caller.kernel(0), Caller.kernel(1), Caller.kernel(1), Caller.user(1, 0), Caller.user(1, 0),
                Caller.kernel(2), Caller.kernel(2));
        for (int i = 0; i < s.size(); i++) assertThat(s.get(i).id()).isEqualTo(i);
    }

    @Test
    void duplicatesKeepTheirFirstPlace() throws Exception {
        RequestSpace s = expand(ArgumentDomains.defaults(C), "d1: sched_op yield", "d1: sched_op block", "d1: sched_op yield");
        assertThat(s.all()).extracting(Request::kind).containsExactly("sched_op yield", "sched_op block");
    }

    @Test
    void theDefaultTemplatesCoverEveryKind() throws Exception {
        RequestSpace s = RequestSpace.expand(C, ArgumentDomains.defaults(C), RequestSpace.defaultTemplates(), "t");
        assertThat(s.all()).extracting(Request::kind).containsAll(Kinds.ALL);
    }
}
