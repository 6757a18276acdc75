package pvspec.model.xen;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Xen-derived regression suite: every {@code *.trace} under {@code src/test/resources/xen/}
 * (subdirectories {@code mm/}, {@code common/}). Each trace names its source (an XTF test, an
 * XSA advisory or a check in Xen's code) and, for each expected result, the Xen line that
 * decides it. The model runs them here; the verification module runs the same files through
 * {@code pvspec replay}, model and hypervisor in lockstep.
 */
public final class XenRegressionTraces {
    private XenRegressionTraces() {}

    /** The suite's root directory in the source tree (found through the test classpath copy). */
    public static Path root() {
        try {
            Path copied = Paths.get(XenRegressionTraces.class.getResource("/xen").toURI());
            // target/test-classes/xen -> src/test/resources/xen, so a freshly written trace counts too.
            Path source = copied.getParent().getParent().getParent().resolve("src/test/resources/xen");
            return Files.isDirectory(source) ? source : copied;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every trace of the suite, sorted, as paths relative to {@link #root()}. */
    public static List<Path> all() {
        Path root = root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".trace")).map(root::relativize).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(Path relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
