package pvspec.verification.cli;

import java.lang.reflect.InvocationTargetException;
import pvspec.model.invariant.Invariant;

/**
 * {@code check --invariant CLASS}: an {@link Invariant} implementation on the class path, made with
 * its public no-argument constructor. With {@code java -jar} the class path is the jar alone, so
 * run {@code java -cp pvspec.jar:DIR pvspec.verification.cli.Pvspec check --invariant CLASS}.
 */
final class InvariantLoader {
    private InvariantLoader() {}

    static Invariant load(String name) {
        Class<?> c;
        try {
            c = Class.forName(name, true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new BadInput("--invariant: no class '" + name + "' on the class path (with java -jar the class path is the jar alone: "
                    + "run java -cp pvspec.jar:DIR pvspec.verification.cli.Pvspec check --invariant " + name + ")");
        }
        if (!Invariant.class.isAssignableFrom(c)) {
            throw new BadInput("--invariant: " + name + " does not implement " + Invariant.class.getName());
        }
        try {
            return (Invariant) c.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new BadInput("--invariant: " + name + " has no public constructor without arguments");
        } catch (InstantiationException e) {
            throw new BadInput("--invariant: " + name + " is abstract");
        } catch (InvocationTargetException e) {
            throw new BadInput("--invariant: " + name + "'s constructor threw " + e.getCause());
        }
    }
}
