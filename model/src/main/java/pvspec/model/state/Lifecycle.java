package pvspec.model.state;

/**
 * Where a domain is in its life: running normally, shut down (its vCPUs stopped, its resources
 * still held), or dying (destroyed, and lingering only while other domains still reference its
 * frames). A domain that is wholly gone has no entry at all.
 */
public enum Lifecycle {
    ALIVE,
    SHUTDOWN,
    DYING
}
