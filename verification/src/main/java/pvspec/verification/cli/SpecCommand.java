package pvspec.verification.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import pvspec.model.abi.check.Check;
import pvspec.model.abi.check.Citation;
import pvspec.model.abi.check.Unreturned;
import pvspec.model.invariant.Invariant;
import pvspec.model.invariant.Invariants;
import pvspec.model.rules.Catalogue;

/** {@code pvspec spec}: the invariant catalogue, the hypercall refusal table and the codes no refusal returns, read from the model itself. */
@Command(name = "spec", mixinStandardHelpOptions = true, versionProvider = Version.class,
        footer = {"", "Examples:", "  pvspec spec", "  pvspec spec --invariants"},
        description = "Print the invariant catalogue and every hypercall's refusals, from the model's own metadata.")
final class SpecCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--invariants", description = "Only the invariants.")
    boolean invariantsOnly;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Invariants (checked after every step)");
        out.println();
        for (Invariant i : Invariants.ALL) {
            out.printf("%-6s %s%n", i.id(), i.name());
            out.printf("       %s%n", i.statement());
            out.printf("       defined in %s%n", i.definedIn());
            out.printf("       tested by  %s%n", String.join(", ", i.testedBy()));
            out.println();
        }
        if (invariantsOnly) return Pvspec.HOLDS;
        out.println("Hypercalls and their refusals (in the order the rules check them)");
        for (Catalogue.Family f : Catalogue.families()) {
            out.println();
            out.printf("%s   [%s]%n", f.name(), f.rulesClass());
            for (Check c : f.refusals()) {
                out.printf("  %-22s %-48s %s%n", c.result(), c.id(), c.sentence());
                out.printf("  %-22s %-48s %s%s%n", "", "", c.citation(), c.citationKind() == Citation.CLOSEST ? " (closest: no check of its own in Xen)" : "");
            }
            if (f.refusals().isEmpty()) out.println("  (never refused: a forbidden access faults instead)");
        }
        out.println();
        out.println("Result codes no refusal returns, with where Xen returns them and why the model does not");
        for (Unreturned u : Unreturned.values()) out.printf("  %-22s %s%n", u.status().name(), u.why());
        return Pvspec.HOLDS;
    }
}
