package pvspec.verification.cli;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceStep;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

/** Reading the files the commands take, with errors that name the file, line and column. */
final class Inputs {
    private Inputs() {}

    /** A whole trace file, read through {@link TraceInput} (bounded line length, the heap check). */
    static Trace trace(Path file) {
        try (TraceInput in = TraceInput.open(file.toString(), System.in)) {
            List<TraceStep> steps = new ArrayList<>();
            for (TraceStep s = in.next(); s != null; s = in.next()) steps.add(s);
            return new Trace(in.config(), steps);
        }
    }

    /** What {@code --config} names: a built-in checking configuration, or a checking file. */
    static CheckConfig checkConfig(String nameOrFile) {
        try {
            return CheckConfig.open(nameOrFile);
        } catch (CheckConfigException e) {
            throw new BadInput(e.getMessage());
        } catch (IOException e) {
            throw unreadable(nameOrFile, e, ", and not a built-in configuration (built in: small)");
        }
    }

    /** The text of what {@link #checkConfig} parses (read again: an engine ships the text, not the parsed form). */
    static String checkText(String nameOrFile) {
        try {
            return CheckConfig.openText(nameOrFile);
        } catch (IOException e) {
            throw unreadable(nameOrFile, e, ", and not a built-in configuration (built in: small)");
        }
    }

    /** A seeded-bug variant of the hypervisor, by name. */
    static Mutant mutant(String name) {
        for (Mutant m : Mutants.ALL) if (m.name().equals(name)) return m;
        List<String> names = new ArrayList<>();
        for (Mutant m : Mutants.ALL) names.add(m.name());
        throw new BadInput("no variant named '" + name + "' (" + String.join(", ", names) + ")");
    }

    private static BadInput unreadable(String file, IOException e, String ifMissing) {
        if (e instanceof NoSuchFileException) return new BadInput(file + ": no such file" + ifMissing);
        return new BadInput(file + ": cannot read: " + e.getMessage());
    }
}
