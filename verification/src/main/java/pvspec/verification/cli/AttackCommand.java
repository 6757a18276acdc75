package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.guests.attack.Attack;
import pvspec.guests.attack.AttackOutcome;
import pvspec.guests.attack.AttackRunner;
import pvspec.guests.attack.AttackTable;
import pvspec.guests.attack.Catalogue;
import pvspec.guests.hypercall.Target;
import pvspec.guests.hypercall.Targets;

/** {@code pvspec attack}: the malicious-guest catalogue against the model and the hypervisor. */
@Command(name = "attack", description = "Run the malicious-guest catalogue (one attack per historical bug class) on the model and the hypervisor.")
final class AttackCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--trace", paramLabel = "NAME", description = "Also print the recorded trace of this attack.")
    String traceOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, List<AttackOutcome>> byTarget = new LinkedHashMap<>();
        for (Target t : Targets.all()) {
            List<AttackOutcome> outcomes = new ArrayList<>();
            for (Attack a : Catalogue.ALL) outcomes.add(AttackRunner.run(a, t));
            byTarget.put(t.name(), outcomes);
        }
        out.print(AttackTable.render(byTarget));
        if (traceOf != null) {
            AttackOutcome o = byTarget.values().iterator().next().stream().filter(x -> x.info().name().equals(traceOf)).findFirst()
                    .orElseThrow(() -> new BadInput("no attack named '" + traceOf + "'"));
            out.println();
            out.print(o.trace().print());
        }
        boolean all = byTarget.values().stream().allMatch(l -> l.stream().allMatch(AttackOutcome::refused));
        return all ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }
}
