package pvspec.verification.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pvspec.model.state.Config;

/** Input a command cannot use is exit 2 with one message naming it; never a stack trace, never exit 1 or 4. */
class BadInputTest {
    private static void bad(Cli r, String message) {
        assertThat(r.exit).as(r.err + r.out).isEqualTo(2);
        assertThat(r.err).startsWith("pvspec: ").contains(message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err.strip().lines()).hasSize(1);
    }

    @Test
    void outputFilesThatCannotBeWritten(@TempDir Path dir) {
        String trace = Cli.scenario("linear-page-tables");
        bad(Cli.run("graph", trace, "--out", dir.toString()), "is a directory");
        bad(Cli.run("graph", trace, "--out", dir.resolve("missing/x.dot").toString()), "does not exist");
        bad(Cli.run("graph", trace, "--out", dir.resolve("x.jpg").toString()), "unknown picture format '.jpg'");
        bad(Cli.run("graph", trace, "--out", dir.resolve("x").toString()), "unknown picture format '(none)'");
        bad(Cli.run("attack", "--trace", "pse-superpage", "--out", dir.toString()), "is a directory");
        bad(Cli.run("attack", "--trace", "pse-superpage", "--trace-only", "--out", dir.resolve("no/x.trace").toString()), "does not exist");
        bad(Cli.run("mutants", "--show", "pse-above-l1", "--trace-only", "--out", dir.toString()), "is a directory");
    }

    @Test
    void aPngIsRenderedByGraphvizOrRefusedNeverDotText(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("x.png");
        Cli r = Cli.run("graph", Cli.scenario("linear-page-tables"), "--out", png.toString());
        if (r.exit == 0) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
            assertThat(head).isEqualTo(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        } else {
            bad(r, "rendering PNG needs Graphviz's 'dot'");
            assertThat(png).doesNotExist();
        }
    }

    @Test
    void tracesThatAreNotTraces(@TempDir Path dir) throws Exception {
        bad(Cli.run("replay", dir.toString()), "is a directory, not a trace file");
        bad(Cli.run("graph", dir.toString()), "is a directory, not a trace file");
        Path binary = dir.resolve("b.trace");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 'x', '\n'});
        bad(Cli.run("replay", binary.toString()), "not a text file (not valid UTF-8)");
        Path dup = dir.resolve("d.trace");
        Files.writeString(dup, "config levels=2 levels=3\n");
        bad(Cli.run("replay", dup.toString()), "d.trace:1:17: duplicate configuration key 'levels'");
        Path sign = dir.resolve("s.trace");
        Files.writeString(sign, "config\ndom0: memory_op populate_physmap dom=1 count=--2\n");
        bad(Cli.run("replay", sign.toString()), "s.trace:2:46: expected a number, found '--2'");
        Path wide = dir.resolve("w.trace");
        Files.writeString(wide, "config levels=\uff12\n", StandardCharsets.UTF_8);
        bad(Cli.run("replay", wide.toString()), "w.trace:1:15: expected a number");
        if (Files.isReadable(Path.of("/dev/zero"))) bad(Cli.run("replay", "/dev/zero"), "/dev/zero:1:1048577: line longer than 1048576 characters");
    }

    @Test
    void aConfigurationTooLargeForTheHeapIsRefusedUpFrontWithTheLimit() {
        Config max = new Config(4, 512, 1 << 24, 16, 256, 16, 3, 1, 8, 4);
        BadInput e = org.junit.jupiter.api.Assertions.assertThrows(BadInput.class,
                () -> TraceInput.requireFits(max, "max.trace", 6L << 30));
        assertThat(e.getMessage()).isEqualTo("max.trace: config frames=16777216 is more than this JVM can replay: populated in full it needs"
                + " about 8.0 GiB of heap (512 bytes a frame for the model and the hypervisor), and the JVM may use 6.0 GiB;"
                + " use at most 12582912 frames, or give the JVM more memory (java -Xmx9g -jar pvspec.jar ...)");
        TraceInput.requireFits(Config.realistic(), "realistic.trace", 1L << 30);
    }

    @Test
    void aStateTooLargeToDrawIsRefusedWithTheLimit(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.trace");
        Files.writeString(big, "config levels=2 entries=512 frames=8192\ndom0: domctl createdomain max_pages=5000 vcpus=1\n"
                + "dom0: memory_op populate_physmap dom=1 count=5000\n");
        bad(Cli.run("graph", big.toString()), "the state has 5016 frames in use; graph draws at most 4096");
        assertThat(Cli.run("graph", big.toString(), "--step", "1").exit).isZero();
    }

    @Test
    void numericOptionsOutOfTheirDomain() {
        bad(Cli.run("fuzz", "--hostility", "NaN"), "--hostility must be a number from 0 to 1, found NaN");
        bad(Cli.run("fuzz", "--hostility", "1.5"), "--hostility must be a number from 0 to 1");
        bad(Cli.run("fuzz", "--seconds", "NaN"), "--seconds must be a positive number");
        bad(Cli.run("fuzz", "--seconds", "Infinity"), "--seconds must be a positive number");
        bad(Cli.run("fuzz", "--steps", "2000000000"), "--steps must be 1 to 1000000");
        bad(Cli.run("mutants", "--check-seconds", "-1"), "--check-seconds must be 0 (skip) or more");
        bad(Cli.run("mutants", "--trace-only"), "--trace-only and --out need --show NAME");
        bad(Cli.run("attack", "--trace-only"), "--trace-only and --out need --trace NAME");
        bad(Cli.run("graph", Cli.scenario("linear-page-tables"), "--step", "-1"), "--step must be 0 or more");
        bad(Cli.run("graph", Cli.scenario("linear-page-tables"), "--step", "999"), "has only 21 steps");
        bad(Cli.run("bench", "--heap", "lots"), "--heap must be a size");
    }
}
