package pvspec.guests.testing;

import pvspec.model.state.Config;

/** The machine shapes the guests are tested on: the checking default and two medium ones. */
public final class Configs {
    private Configs() {}

    /** 2 levels x 4 entries, 16 frames, one vCPU per domain. */
    public static Config small() {
        return Config.small();
    }

    /** 3 levels x 8 entries, 256 frames, 4 domains, 2 vCPUs. */
    public static Config medium3() {
        return Config.withDefaults(3, 8, 256, 4, 2, 16, 8);
    }

    /** 4 levels x 8 entries, 512 frames, 4 vCPUs. */
    public static Config medium4() {
        return Config.withDefaults(4, 8, 512, 3, 4, 32, 8);
    }
}
