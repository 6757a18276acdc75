package pvspec.guests.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import pvspec.guests.hypercall.Checked;
import pvspec.guests.hypercall.Hypercalls;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;
import pvspec.guests.runner.RunReport;
import pvspec.guests.runner.Runner;
import pvspec.guests.testing.Configs;
import pvspec.model.abi.Caller;
import pvspec.model.abi.DomId;
import pvspec.model.abi.Errno;
import pvspec.model.abi.EventChannelOp;
import pvspec.model.abi.GrantTableOp;
import pvspec.model.abi.GrantTableWrite;
import pvspec.model.abi.Result;
import pvspec.model.state.Config;
import pvspec.model.state.Domain;
import pvspec.model.state.PortState;
import pvspec.model.state.State;
import pvspec.model.trace.TraceStep;

/** A frontend and a backend exchange N messages through a granted ring and an event channel, and tear down cleanly. */
class SplitDriverTest {
    static final int MESSAGES = 8;

    static Stream<Arguments> machines() {
        List<Arguments> out = new ArrayList<>();
        for (Target t : Targets.all()) {
            out.add(Arguments.of(t, "small", Configs.small(), 4, 5));
            out.add(Arguments.of(t, "medium 4x8", Configs.medium4(), 30, 40));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("machines")
    void frontendAndBackendExchangeMessagesAndTearDownInOrder(Target target, String name, Config config, int dom0Pages, int domUPages) {
        List<String> lostNotifications = new ArrayList<>();
        Hypercalls machine = new Checked(Checked.invariants(target.boot(config)), (before, c, h, r, after) -> {
            if (h instanceof EventChannelOp.Send && r.succeeded()) {
                PortState st = after.dom(c.domain()).port(((EventChannelOp.Send) h).port()).state();
                PortState.Interdomain link = (PortState.Interdomain) st;
                if (!after.dom(link.remoteDom()).port(link.remotePort()).pending()) lostNotifications.add(c + " " + h);
            }
        });
        SplitDriver driver = new SplitDriver(dom0Pages, domUPages, MESSAGES);
        RunReport report = Runner.deterministic(machine, 11).run(Caller.kernel(DomId.DOM0), driver);
        int domU = driver.domU().domid();
        List<TraceStep> steps = report.trace().steps();

        // N requests and N responses, each notified on the other end.
        assertThat(count(steps, domU, EventChannelOp.Send.class)).isEqualTo(MESSAGES);
        assertThat(count(steps, DomId.DOM0, EventChannelOp.Send.class)).isEqualTo(MESSAGES);
        assertThat(lostNotifications).isEmpty();
        assertThat(report.results()).doesNotContain(Result.FAULT);
        // Revoking the grant while the backend maps it is refused; after the unmap it succeeds.
        assertThat(driver.endAccessWhileMapped()).isEqualTo(Result.err(Errno.EBUSY));
        int unmap = indexOf(steps, DomId.DOM0, GrantTableOp.UnmapGrantRef.class);
        int endAccessOk = lastIndexOf(steps, domU, GrantTableWrite.EndAccess.class);
        assertThat(unmap).isPositive().isLessThan(endAccessOk);
        assertThat(report.results().get(endAccessOk)).isEqualTo(Result.OK);
        // Everything the domU had is free again, and dom0 holds no mapping and no port to it.
        State end = machine.abstractState();
        assertThat(end.domains().keySet()).containsExactly(DomId.DOM0);
        for (long f : driver.domU().frames()) assertThat(end.frame(f).isFree()).as("frame %d", f).isTrue();
        Domain dom0 = end.dom(DomId.DOM0);
        assertThat(dom0.maptrack()).isEmpty();
        assertThat(dom0.ports()).noneMatch(p -> p.state() instanceof PortState.Interdomain || p.state() instanceof PortState.Unbound);
    }

    private static long count(List<TraceStep> steps, int dom, Class<?> kind) {
        return steps.stream().filter(s -> s.caller().domain() == dom && kind.isInstance(s.call())).count();
    }

    private static int indexOf(List<TraceStep> steps, int dom, Class<?> kind) {
        for (int i = 0; i < steps.size(); i++) if (steps.get(i).caller().domain() == dom && kind.isInstance(steps.get(i).call())) return i;
        return -1;
    }

    private static int lastIndexOf(List<TraceStep> steps, int dom, Class<?> kind) {
        for (int i = steps.size() - 1; i >= 0; i--) if (steps.get(i).caller().domain() == dom && kind.isInstance(steps.get(i).call())) return i;
        return -1;
    }
}
