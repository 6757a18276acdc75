package pvspec.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import pvspec.checker.config.CheckConfig;
import pvspec.checker.config.CheckConfigException;
import pvspec.checker.search.LevelKernel;
import pvspec.checker.config.Options;

/**
 * What executors need to rebuild the search's kernel: the configuration's text (not its parsed
 * form, which is not serializable, and not a path, which an executor may not see) and whether
 * symmetry reductions are on.
 *
 * @param source the name error messages and the report use (a built-in name or the file)
 * @param text the check file's text
 * @param symmetry use the symmetry reductions the built-in search finds sound
 */
public record Spec(String source, String text, boolean symmetry) implements Serializable {
    private static final ThreadLocal<Map<Spec, LevelKernel>> KERNELS = ThreadLocal.withInitial(HashMap::new);

    /** Like {@code pvspec check --config X}: the built-in configuration X, else the file X. */
    public static Spec open(String nameOrFile, boolean symmetry) throws IOException {
        if (CheckConfig.class.getResource("/pvspec/checker/" + nameOrFile + ".check") != null) {
            return new Spec(nameOrFile, CheckConfig.builtInText(nameOrFile), symmetry);
        }
        return new Spec(nameOrFile, Files.readString(Path.of(nameOrFile), StandardCharsets.UTF_8), symmetry);
    }

    public CheckConfig parse() throws CheckConfigException {
        return CheckConfig.parse(source, text);
    }

    /** The options the built-in checker runs with for the same comparison (no independence reduction: Spark has none). */
    public Options options() {
        Options o = Options.defaults().withIndependence(false);
        return symmetry ? o : o.withSymmetry(Set.of());
    }

    /** This thread's kernel (kernels keep encoding buffers; parsing and the scenario run once per thread). */
    LevelKernel kernel() {
        return KERNELS.get().computeIfAbsent(this, s -> {
            try {
                return new LevelKernel(s.parse(), s.options());
            } catch (CheckConfigException e) {
                throw new IllegalStateException("the configuration parsed on the driver but not here: " + e.getMessage(), e);
            }
        });
    }
}
