package pvspec.hypervisor;

import java.util.Optional;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/** The first difference between two model states, in words (for failure messages). */
final class StateDiff {
    private StateDiff() {}

    static Optional<String> between(State expected, State actual) {
        if (expected.equals(actual)) return Optional.empty();
        if (!expected.config().equals(actual.config())) return Optional.of("config " + expected.config() + " vs " + actual.config());
        for (int mfn = 0; mfn < expected.frames().size(); mfn++) {
            if (!expected.frame(mfn).equals(actual.frame(mfn))) {
                return Optional.of("frame " + mfn + ": expected " + expected.frame(mfn) + "\n  but was " + actual.frame(mfn));
            }
        }
        if (!expected.domains().keySet().equals(actual.domains().keySet())) {
            return Optional.of("domains " + expected.domains().keySet() + " vs " + actual.domains().keySet());
        }
        for (Domain e : expected.domains().values()) {
            Domain a = actual.dom(e.id());
            if (e.equals(a)) continue;
            StringBuilder b = new StringBuilder("domain " + e.id() + ":");
            if (e.life() != a.life()) b.append(" life ").append(e.life()).append(" vs ").append(a.life());
            if (e.paused() != a.paused()) b.append(" paused");
            if (e.maxPages() != a.maxPages()) b.append(" maxPages");
            if (!e.vcpus().equals(a.vcpus())) b.append("\n  vcpus ").append(e.vcpus()).append("\n  vs    ").append(a.vcpus());
            if (!e.traps().equals(a.traps())) b.append("\n  traps ").append(e.traps()).append(" vs ").append(a.traps());
            if (e.eventCallback() != a.eventCallback() || e.failsafeCallback() != a.failsafeCallback()) b.append(" callbacks");
            if (!e.ports().equals(a.ports())) b.append("\n  ports ").append(e.ports()).append("\n  vs    ").append(a.ports());
            if (!e.grants().equals(a.grants())) b.append("\n  grants ").append(e.grants()).append("\n  vs     ").append(a.grants());
            if (!e.maptrack().equals(a.maptrack())) b.append("\n  maptrack ").append(e.maptrack()).append(" vs ").append(a.maptrack());
            return Optional.of(b.toString());
        }
        return Optional.of("states differ (no field difference found)");
    }
}
