package pvspec.verification.jpf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * CI runs no JPF, so nothing else notices when a change gives a class that JPF runs both a lambda
 * and an anonymous class of the same name under JPF ({@link LambdaClassNames}): harness 1 stopped
 * in every grant set-up that way until the 2026-12-06 JPF run. This scans every class of the
 * modules JPF loads (model, hypervisor, the JPF harness).
 */
class JpfLambdaNamesTest {
    private static final Pattern ANONYMOUS = Pattern.compile("(.+)\\$(\\d+)\\.class");

    @Test
    void noAnonymousClassOfTheModulesJpfRunsHasALambdasName() throws Exception {
        List<String> clashes = new ArrayList<>();
        for (Class<?> anchor : List.of(pvspec.model.state.State.class, pvspec.hypervisor.Checks.class, Verdict.class)) {
            Map<String, byte[]> classes = classesBeside(anchor);
            assertThat(classes).as("classes found beside %s", anchor).hasSizeGreaterThan(20);
            clashes.addAll(clashes(classes));
        }
        assertThat(clashes).as("rename the anonymous classes (named nested classes) or the lambdas").isEmpty();
    }

    /** The detector itself: two lambdas and an anonymous class in one class are found. */
    @Test
    void aClassWithTwoLambdasAndAnAnonymousClassIsAClash() throws Exception {
        Map<String, byte[]> classes = new TreeMap<>();
        for (String name : List.of("Trap", "Trap$1")) {
            String file = "JpfLambdaNamesTest$" + name + ".class";
            try (InputStream in = JpfLambdaNamesTest.class.getResourceAsStream(file)) {
                classes.put("pvspec/verification/jpf/" + file, in.readAllBytes());
            }
        }
        assertThat(clashes(classes)).containsExactly("pvspec/verification/jpf/JpfLambdaNamesTest$Trap$1.class"
                + " is also the name JPF gives lambda 1 of pvspec/verification/jpf/JpfLambdaNamesTest$Trap.class");
        assertThat(new Trap().values()).hasSize(3);
    }

    private static List<String> clashes(Map<String, byte[]> classes) throws IOException {
        List<String> clashes = new ArrayList<>();
        for (String name : classes.keySet()) {
            Matcher m = ANONYMOUS.matcher(name);
            if (!m.matches()) continue;
            byte[] outer = classes.get(m.group(1) + ".class");
            if (outer == null) continue;
            List<Integer> lambdas = LambdaClassNames.lambdaIndices(new java.io.ByteArrayInputStream(outer));
            if (lambdas.contains(Integer.parseInt(m.group(2))))
                clashes.add(name + " is also the name JPF gives lambda " + m.group(2) + " of " + m.group(1) + ".class");
        }
        return clashes;
    }

    /** Every class file in the directory or jar {@code anchor} was loaded from, by path. */
    private static Map<String, byte[]> classesBeside(Class<?> anchor) throws IOException, URISyntaxException {
        Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(root)) {
            try (var files = Files.walk(root)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator)
                    classes.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                for (var e : (Iterable<java.util.jar.JarEntry>) jar.stream()::iterator)
                    if (e.getName().endsWith(".class"))
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.put(e.getName(), in.readAllBytes());
                        }
            }
        }
        return classes;
    }

    /** Lambdas 0 and 1, and anonymous class 1: JPF would name lambda 1's object Trap$1 too. */
    private static final class Trap {
        List<Object> values() {
            Supplier<String> a = () -> "a";
            Supplier<String> b = () -> "b";
            Object c = new Object() {
                @Override public String toString() {
                    return "c";
                }
            };
            return List.of(a.get(), b.get(), c.toString());
        }
    }
}
