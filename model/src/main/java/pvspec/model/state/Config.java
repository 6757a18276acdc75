package pvspec.model.state;

/**
 * The dimensions of a machine: page-table shape, memory, and how many domains, vCPUs, ports and
 * grant references each may have. A {@code Config} that cannot describe a machine cannot be
 * built.
 *
 * @param levels page-table levels, 2 to 4; the top-level table is {@code L<levels>}
 * @param entries entries per table
 * @param frames machine frames, hypervisor frames included
 * @param xenFrames the hypervisor's own frames: the lowest frame numbers
 * @param reservedFirst first top-level slot reserved for the hypervisor (Xen: L4 slot 256)
 * @param reservedCount how many top-level slots are reserved (Xen: 16, slots 256 to 271)
 * @param domains domain slots, dom0 included (ids 0 to {@code domains - 1})
 * @param vcpus the most vCPUs a domain may have; dom0 has this many
 * @param ports event-channel ports per domain (port 0 is reserved)
 * @param grants grant references per domain at the grant table's largest, and grant-map handles
 *     per domain
 * @param grantFrames Xen's {@code max_grant_frames}: the frames a grant table may grow to, each
 *     holding {@code grants / grantFrames} references; a domain starts with one
 *     ({@code INITIAL_NR_GRANT_FRAMES}, grant_table.c:1926-1927) and {@code GNTTABOP_setup_table}
 *     grows it
 */
public record Config(int levels, int entries, int frames, int xenFrames, int reservedFirst,
                     int reservedCount, int domains, int vcpus, int ports, int grants, int grantFrames) {

    /** A configuration whose grant tables have one frame, all of their references from the start. */
    public Config(int levels, int entries, int frames, int xenFrames, int reservedFirst,
                  int reservedCount, int domains, int vcpus, int ports, int grants) {
        this(levels, entries, frames, xenFrames, reservedFirst, reservedCount, domains, vcpus, ports, grants, 1);
    }

    public Config {
        require(levels >= 2 && levels <= 4, "levels must be 2 to 4");
        require(entries >= 2 && entries <= 512, "entries must be 2 to 512");
        require(xenFrames >= 1, "at least one hypervisor frame");
        require(frames > xenFrames && frames <= (1 << 24), "frames must exceed xen_frames and be at most 2^24");
        require(reservedCount >= 1 && reservedFirst >= 0 && reservedFirst + reservedCount <= entries,
                "reserved slots must lie within the top-level table");
        require(reservedCount < entries, "a guest needs at least one top-level slot");
        require(domains >= 1 && domains <= 64, "domains must be 1 to 64");
        require(vcpus >= 1 && vcpus <= 64, "vcpus must be 1 to 64");
        require(ports >= 2 && ports <= 4096, "ports must be 2 to 4096");
        require(grants >= 1 && grants <= 4096, "grants must be 1 to 4096");
        require(grantFrames >= 1 && grants % grantFrames == 0, "grant_frames must be at least 1 and divide grants");
        require(Math.pow(entries, levels) < (double) (1L << 62), "address space too large");
    }

    /** The checking default: 2 levels of 4 entries, 16 frames, dom0 and two more domains. */
    public static Config small() {
        return withDefaults(2, 4, 16, 3, 1, 8, 4);
    }

    /** Xen's shape: 4 levels of 512 entries, 2^20 frames (4 GiB), slots 256 to 271 reserved. */
    public static Config realistic() {
        return withDefaults(4, 512, 1 << 20, 4, 4, 1024, 64);
    }

    /**
     * A configuration whose hypervisor part follows Xen's proportions: the reserved slots start
     * in the middle of the top-level table and take 1/32 of it (at least one), with one
     * hypervisor frame per reserved slot.
     */
    public static Config withDefaults(int levels, int entries, int frames, int domains, int vcpus, int ports, int grants) {
        int reserved = Math.max(1, entries / 32);
        return new Config(levels, entries, frames, reserved, entries / 2, reserved, domains, vcpus, ports, grants);
    }

    /**
     * As a record's hash over the first ten components, then {@code grantFrames} only when it is
     * not 1: the hash (and the fingerprints of saved runs) of a configuration from before
     * {@code grantFrames} stays what it was.
     */
    @Override
    public int hashCode() {
        int h = 0;
        for (int v : new int[] {levels, entries, frames, xenFrames, reservedFirst, reservedCount, domains, vcpus, ports, grants}) h = h * 31 + v;
        return grantFrames == 1 ? h : h * 31 + grantFrames;
    }

    /** This configuration with grant tables of at most {@code n} frames. */
    public Config withGrantFrames(int n) {
        return new Config(levels, entries, frames, xenFrames, reservedFirst, reservedCount, domains, vcpus, ports, grants, n);
    }

    /** Grant references per grant-table frame (Xen's {@code f2e(1, 1)}: 512 v1 entries a page). */
    public int grantsPerFrame() {
        return grants / grantFrames;
    }

    /**
     * Grant references per frame of a version-{@code version} table ({@code nr_grant_entries}'s
     * {@code f2e(1, version)}): Xen's v2 entry is twice the size of a v1 entry (16 bytes, 256 a
     * page), so a v2 frame holds half as many. Xen's frames always hold the
     * {@code GNTTAB_NR_RESERVED_ENTRIES} (BUILD_BUG_ON, grant_table.c:720-721, 728-729): a model
     * frame too small to hold them after halving keeps them all ({@code min(v1, 8)}).
     */
    public int grantsPerFrame(int version) {
        int v1 = grantsPerFrame();
        return version == 1 ? v1 : Math.max(v1 / 2, Math.min(v1, GrantEntry.GNTTAB_NR_RESERVED_ENTRIES));
    }

    /** How many virtual pages the address space has ({@code entries^levels}). */
    public long vaPages() {
        long n = 1;
        for (int i = 0; i < levels; i++) n *= entries;
        return n;
    }

    /** Whether {@code va} (a virtual page number) lies in the address space at all. */
    public boolean canonical(long va) {
        return va >= 0 && va < vaPages();
    }

    /** The index {@code va} selects in a level-{@code level} table (1 = L1). */
    public int index(long va, int level) {
        long v = va;
        for (int i = 1; i < level; i++) v /= entries;
        return (int) (v % entries);
    }

    /** The virtual page whose indices are {@code indices}, top level first. */
    public long va(int... indices) {
        if (indices.length != levels) throw new IllegalArgumentException("need " + levels + " indices");
        long v = 0;
        for (int i : indices) v = v * entries + i;
        return v;
    }

    /** Whether top-level slot {@code slot} belongs to the hypervisor. */
    public boolean reserved(int slot) {
        return slot >= reservedFirst && slot < reservedFirst + reservedCount;
    }

    /** Xen's read-only machine-to-phys slot ({@code RO_MPT_VIRT_START}, L4 slot 256): the first reserved slot. */
    public int m2pSlot() {
        return reservedFirst;
    }

    /**
     * The hypervisor frame behind the read-only M2P: its entries all map itself read-only and
     * user-accessible, so it stands for every level of Xen's M2P tables and for the M2P itself.
     */
    public long m2pFrame() {
        return xenFrameForSlot(reservedFirst);
    }

    /**
     * The entry of the read-only M2P at every level: {@code __PAGE_HYPERVISOR_RO | _PAGE_USER}
     * (P, A, NX, US; {@code x86_64/mm.c:534-535}) to {@link #m2pFrame}.
     */
    public long m2pEntry() {
        return m2pFrame() << 12 | 1L | 1L << 2 | 1L << 5 | 1L << 63;
    }

    /** Whether {@code va} lies in the hypervisor's part of the address space. */
    public boolean hypervisorRange(long va) {
        return canonical(va) && reserved(index(va, levels));
    }

    /** The hypervisor frame that reserved slot {@code slot} maps. */
    public long xenFrameForSlot(int slot) {
        return (slot - reservedFirst) % xenFrames;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }
}
