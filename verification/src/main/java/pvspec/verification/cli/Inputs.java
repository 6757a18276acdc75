package pvspec.verification.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import pvspec.checker.CheckConfig;
import pvspec.checker.CheckConfigException;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;
import pvspec.properties.mutants.Mutant;
import pvspec.properties.mutants.Mutants;

/** Reading the files the commands take, with errors that name the file, line and column. */
final class Inputs {
    private Inputs() {}

    static Trace trace(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file.toString(), e, "");
        }
        try {
            return Trace.parse(file.toString(), text);
        } catch (TraceSyntaxException e) {
            throw new BadInput(e.getMessage());
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

    /** A seeded-bug variant of the hypervisor, by name. */
    static Mutant mutant(String name) {
        for (Mutant m : Mutants.ALL) if (m.name().equals(name)) return m;
        List<String> names = new ArrayList<>();
        for (Mutant m : Mutants.ALL) names.add(m.name());
        throw new BadInput("no variant named '" + name + "' (" + String.join(", ", names) + ")");
    }

    /** A file a command will write: refused before any work if it names a directory or its directory is missing. */
    static Path output(Path file, String option) {
        if (Files.isDirectory(file)) throw new BadInput(option + " " + file + ": is a directory");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new BadInput(option + " " + file + ": no such directory " + dir);
        return file;
    }

    static void write(Path file, String text, String option) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInput(option + " " + file + ": cannot write: " + e.getMessage());
        }
    }

    private static BadInput unreadable(String file, IOException e, String ifMissing) {
        if (e instanceof NoSuchFileException) return new BadInput(file + ": no such file" + ifMissing);
        return new BadInput(file + ": cannot read: " + e.getMessage());
    }
}
