package pvspec.verification.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

/** Reading the files the commands take, with errors that name the file, line and column. */
final class Inputs {
    private Inputs() {}

    static Trace trace(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInput(file + ": no such file");
        } catch (IOException e) {
            throw new BadInput(file + ": cannot read: " + e.getMessage());
        }
        try {
            return Trace.parse(file.toString(), text);
        } catch (TraceSyntaxException e) {
            throw new BadInput(e.getMessage());
        }
    }
}
