package pvspec.verification.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
@Command(name = "attack", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Run the malicious-guest catalogue (one attack per historical bug class) on the model and the hypervisor.",
        footer = {"", "Examples:", "  pvspec attack", "  pvspec attack --trace stale-tlb-across-retype --trace-only > stale.trace",
                "  pvspec attack --trace pse-superpage --out pse.trace", "",
                "Exit: 0 every attack refused as expected by every target, 1 one was not, 2 bad input."})
final class AttackCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--trace", paramLabel = "NAME", description = "Also print the recorded trace of this attack (replayable with pvspec replay).")
    String traceOf;

    @CommandLine.Option(names = "--trace-only", description = "With --trace: run only that attack and print its trace alone (for > FILE or | pvspec replay -).")
    boolean traceOnly;

    @CommandLine.Option(names = "--out", paramLabel = "FILE", description = "With --trace: write the trace to FILE instead of standard output.")
    Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        if ((traceOnly || out != null) && traceOf == null) throw new BadInput("--trace-only and --out need --trace NAME");
        List<Attack> attacks = Catalogue.ALL;
        if (traceOf != null) {
            Attack a = attacks.stream().filter(x -> x.info().name().equals(traceOf)).findFirst()
                    .orElseThrow(() -> new BadInput("no attack named '" + traceOf + "' (pvspec attack lists them)"));
            if (traceOnly) attacks = List.of(a);
        }
        if (out != null) Outputs.requireWritable(out, "--out");
        Map<String, List<AttackOutcome>> byTarget = new LinkedHashMap<>();
        for (Target t : Targets.all()) {
            List<AttackOutcome> outcomes = new ArrayList<>();
            for (Attack a : attacks) outcomes.add(AttackRunner.run(a, t));
            byTarget.put(t.name(), outcomes);
        }
        if (!traceOnly) stdout.print(AttackTable.render(byTarget));
        if (traceOf != null) {
            String trace = byTarget.values().iterator().next().stream().filter(x -> x.info().name().equals(traceOf)).findFirst()
                    .orElseThrow().trace().print();
            if (out != null) {
                Outputs.write(out, trace, "--out");
                if (!traceOnly) stdout.println("wrote the trace of " + traceOf + " to " + out);
            } else {
                if (!traceOnly) stdout.println();
                stdout.print(trace);
            }
        }
        boolean all = byTarget.values().stream().allMatch(l -> l.stream().allMatch(AttackOutcome::refused));
        return all ? Pvspec.HOLDS : Pvspec.VIOLATION;
    }
}
