package pvspec.verification.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import pvspec.checker.CheckConfig;
import pvspec.checker.CheckConfigException;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

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

    private static BadInput unreadable(String file, IOException e, String ifMissing) {
        if (e instanceof NoSuchFileException) return new BadInput(file + ": no such file" + ifMissing);
        return new BadInput(file + ": cannot read: " + e.getMessage());
    }
}
