package pvspec.properties.run;

import java.util.ArrayList;
import java.util.List;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/** Where two states differ, in a few words: the first frames and domains that are not equal. */
public final class StateDiff {
    private StateDiff() {}

    public static String describe(State expected, State actual) {
        List<String> out = new ArrayList<>();
        for (int mfn = 0; mfn < Math.min(expected.frames().size(), actual.frames().size()) && out.size() < 3; mfn++) {
            if (!expected.frame(mfn).equals(actual.frame(mfn))) out.add("frame " + mfn + ": model " + expected.frame(mfn) + ", got " + actual.frame(mfn));
        }
        for (Domain d : expected.domains().values()) {
            Domain a = actual.domains().get(d.id());
            if (a == null) out.add("domain " + d.id() + " missing");
            else if (!a.equals(d)) out.add("domain " + d.id() + " differs" + detail(d, a));
        }
        for (int id : actual.domains().keySet()) if (!expected.domains().containsKey(id)) out.add("domain " + id + " should not exist");
        return out.isEmpty() ? "(configurations differ)" : String.join("; ", out);
    }

    private static String detail(Domain e, Domain a) {
        if (!e.vcpus().equals(a.vcpus())) return " in its vCPUs: model " + e.vcpus() + ", got " + a.vcpus();
        if (!e.ports().equals(a.ports())) return " in its ports";
        if (!e.grants().equals(a.grants())) return " in its grant table";
        if (!e.maptrack().equals(a.maptrack())) return " in its grant mappings";
        if (!e.traps().equals(a.traps())) return " in its trap table";
        return "";
    }
}
