package pvspec.properties.run;

import pvspec.model.trace.Trace;
import pvspec.model.trace.TraceSyntaxException;

/** Starting worlds for generated runs: dom0 creates and populates two guests. */
public final class Worlds {
    private Worlds() {}

    /** 2 levels of 4 entries, 16 frames: d1 (2 vCPUs, frames 1..5) and d2 (frames 6..10). */
    public static final String TWO_GUESTS = "config levels=2 entries=4 frames=16 domains=3 vcpus=2 ports=8 grants=4\n"
            + "dom0: domctl createdomain max_pages=5 vcpus=2\n"
            + "dom0: domctl createdomain max_pages=5 vcpus=1\n"
            + "dom0: memory_op populate_physmap dom=1 count=5\n"
            + "dom0: memory_op populate_physmap dom=2 count=5\n"
            + "dom0: domctl unpausedomain dom=1\n"
            + "dom0: domctl unpausedomain dom=2\n";

    /** 3 levels of 4 entries, 24 frames, so that L3 tables and deeper validation are exercised. */
    public static final String THREE_LEVELS = "config levels=3 entries=4 frames=24 domains=3 vcpus=2 ports=8 grants=4\n"
            + "dom0: domctl createdomain max_pages=8 vcpus=2\n"
            + "dom0: domctl createdomain max_pages=6 vcpus=1\n"
            + "dom0: memory_op populate_physmap dom=1 count=8\n"
            + "dom0: memory_op populate_physmap dom=2 count=6\n"
            + "dom0: domctl unpausedomain dom=1\n"
            + "dom0: domctl unpausedomain dom=2\n";

    /** {@link #TWO_GUESTS} with sixteen grant references a domain: eight beyond the reserved ones {@code set_version} keeps. */
    public static final String GRANT_VERSIONS = TWO_GUESTS.replace("grants=4\n", "grants=16\n");

    public static Trace parse(String text) {
        try {
            return Trace.parse("world", text);
        } catch (TraceSyntaxException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public static Trace twoGuests() {
        return parse(TWO_GUESTS);
    }

    public static Trace threeLevels() {
        return parse(THREE_LEVELS);
    }

    /** Seeded bugs only a three-level address space can show (an L3's validation preempted in its child's, issue 14). */
    private static final java.util.Set<String> THREE_LEVEL_VARIANTS = java.util.Set.of("resume-forgets-partial-flags");

    /** Seeded bugs only a grant reference beyond the eight reserved ones can show (gv2). */
    private static final java.util.Set<String> GRANT_VERSION_VARIANTS = java.util.Set.of("set-version-ignores-pins");

    /**
     * The world a seeded-bug variant is fuzzed in: {@link #twoGuests()}, {@link #threeLevels()} for
     * those that need an L3, {@link #GRANT_VERSIONS} for those that need references beyond 8.
     */
    public static Trace forVariant(String name) {
        if (GRANT_VERSION_VARIANTS.contains(name)) return parse(GRANT_VERSIONS);
        return THREE_LEVEL_VARIANTS.contains(name) ? threeLevels() : twoGuests();
    }
}
