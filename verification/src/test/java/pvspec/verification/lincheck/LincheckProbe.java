package pvspec.verification.lincheck;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import pvspec.verification.jpf.Scenario;
import pvspec.verification.jpf.Scenarios;
import pvspec.verification.jpf.SeededRaces;

class LincheckProbe {
    @Test
    void probe() {
        int inv = Integer.getInteger("probe.inv", 100);
        String vs = System.getProperty("probe.vectors", "0");
        int stride = Integer.getInteger("probe.stride", 1);
        String variant = System.getProperty("probe.variant", "none");
        for (Scenario sc : Scenarios.select(System.getProperty("probe.scenario", "all"))) {
            List<Integer> jobs = new ArrayList<>();
            if (vs.equals("all")) for (int v = 0; v < sc.vectors(); v += stride) jobs.add(v);
            else for (String x : vs.split(",")) jobs.add(Integer.parseInt(x));
            LincheckRun.Outcome o = Boolean.getBoolean("probe.stress") ? LincheckRun.stress(sc, SeededRaces.checks(variant), jobs, inv)
                    : LincheckRun.modelCheck(sc, SeededRaces.checks(variant), jobs, inv);
            System.out.println("PROBE " + sc.name + " " + variant + " jobs=" + jobs.size() + " inv=" + inv + ": " + o);
        }
    }
}
