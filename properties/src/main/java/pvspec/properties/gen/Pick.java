package pvspec.properties.gen;

import java.util.List;
import java.util.Random;

/** Random choices that fall back to a hostile value when there is nothing sensible to pick. */
final class Pick {
    private final Random r;

    Pick(Random r) {
        this.r = r;
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    int below(int n) {
        return n <= 0 ? 0 : r.nextInt(n);
    }

    /** An element of {@code xs}, or {@code otherwise} if it is empty. */
    <T> T of(List<T> xs, T otherwise) {
        return xs.isEmpty() ? otherwise : xs.get(r.nextInt(xs.size()));
    }

    @SafeVarargs
    final <T> T one(T... xs) {
        return xs[r.nextInt(xs.length)];
    }

    /** A number that is wrong in some way: negative, huge, or just past the end. */
    long garbage(long size) {
        switch (r.nextInt(4)) {
            case 0: return -1 - r.nextInt(3);
            case 1: return size + r.nextInt(3);
            case 2: return Long.MAX_VALUE - r.nextInt(2);
            default: return Integer.MIN_VALUE;
        }
    }

    Random random() {
        return r;
    }
}
