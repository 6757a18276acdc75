package pvspec.verification.jpf;

import java.util.List;

/**
 * Harness 1 under Java PathFinder (the target {@code JpfLauncher} runs):
 * {@code VcpuHarnessJpf ORACLE_FILE VARIANT [all|SCENARIO[+SCENARIO...]]}. Reads the oracle before the first
 * choice, so the file is read once, not once per path.
 */
public final class VcpuHarnessJpf {
    private VcpuHarnessJpf() {}

    public static void main(String[] args) throws Exception {
        Oracle oracle = Oracle.read(args[0]);
        String variant = args.length > 1 ? args[1] : SeededRaces.NONE;
        List<Scenario> scenarios = Scenarios.select(args.length > 2 ? args[2] : "all");
        VcpuHarness.run(new JpfChoices(), oracle, SeededRaces.checks(variant), scenarios, true);
    }
}
