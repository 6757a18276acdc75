package pvspec.verification.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code pvspec --version}: the version and the git commit the jar was built from (written by the build). */
final class Version implements CommandLine.IVersionProvider {
    static final String RESOURCE = "/pvspec/build.properties";

    @Override
    public String[] getVersion() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // Unreadable build information is reported as unknown, like a build outside git.
        }
        String commit = p.getProperty("commit", "unknown");
        return new String[] {"pvspec " + p.getProperty("version", "(version unknown)") + ", commit "
                + (commit.equals("unknown") ? "unknown (built outside a git checkout)" : commit)};
    }
}
