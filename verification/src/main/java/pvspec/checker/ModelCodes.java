package pvspec.checker;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import pvspec.model.abi.Gntst;
import pvspec.model.abi.Result;
import pvspec.model.rules.Refusal;
import pvspec.model.rules.Step;

/**
 * The result codes the model can produce at all, read from the refusal catalogues of its rules
 * ({@code static final Refusal} constants; every error result comes from one), plus success,
 * {@code fault} and {@code GNTST_okay}. Coverage uses it to tell a code the bounds did not reach
 * from a code no rule ever returns.
 */
final class ModelCodes {
    private ModelCodes() {}

    static final Set<String> PRODUCIBLE = scan();

    private static Set<String> scan() {
        Set<String> out = new TreeSet<>(List.of("OK", "fault", Gntst.GNTST_okay.name()));
        for (Class<?> k : rulesClasses()) {
            for (Field f : k.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Refusal.class) continue;
                try {
                    f.setAccessible(true);
                    Result r = ((Refusal) f.get(null)).result();
                    out.add(ResultCodes.ALL.get(ResultCodes.of(r)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // an unreadable constant: it then only counts as "not reached"
                }
            }
        }
        return out;
    }

    private static List<Class<?>> rulesClasses() {
        List<Class<?>> out = new ArrayList<>();
        String pkg = Step.class.getPackageName();
        String path = pkg.replace('.', '/');
        try {
            File where = new File(Step.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (where.isDirectory()) {
                File[] files = new File(where, path).listFiles();
                if (files != null) for (File f : files) names.add(f.getName());
            } else {
                try (JarFile jar = new JarFile(where)) {
                    for (Enumeration<java.util.jar.JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                        String n = e.nextElement().getName();
                        if (n.startsWith(path + "/") && n.indexOf('/', path.length() + 1) < 0) names.add(n.substring(path.length() + 1));
                    }
                }
            }
            for (String n : names) {
                if (!n.endsWith(".class")) continue;
                out.add(Class.forName(pkg + "." + n.substring(0, n.length() - 6), false, Step.class.getClassLoader()));
            }
        } catch (URISyntaxException | IOException | ClassNotFoundException | RuntimeException e) {
            // without the catalogue, every unseen code is reported as "not reached"
        }
        return out;
    }
}
