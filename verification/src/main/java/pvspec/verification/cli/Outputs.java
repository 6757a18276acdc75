package pvspec.verification.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Files the commands write ({@code --out}): a path that cannot be written is bad input, named, checked before any work. */
final class Outputs {
    private Outputs() {}

    /** Checks that {@code file} can be created or replaced (not a directory, its directory exists). */
    static void requireWritable(Path file, String option) {
        if (Files.isDirectory(file)) throw new BadInput(option + " " + file + ": is a directory");
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new BadInput(option + " " + file + ": directory " + dir + " does not exist");
        if (dir != null && !Files.isWritable(dir)) throw new BadInput(option + " " + file + ": directory " + dir + " is not writable");
        if (Files.exists(file) && !Files.isWritable(file)) throw new BadInput(option + " " + file + ": not writable");
    }

    static void write(Path file, String text, String option) {
        requireWritable(file, option);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new BadInput(option + " " + file + ": cannot write (" + e.getClass().getSimpleName() + ")");
        } catch (IOException e) {
            throw new BadInput(option + " " + file + ": cannot write: " + e.getMessage());
        }
    }
}
