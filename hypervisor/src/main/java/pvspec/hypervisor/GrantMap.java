package pvspec.hypervisor;

/** A grant mapping a domain holds (Xen's maptrack entry); immutable. */
final class GrantMap {
    final int dom;
    final int ref;
    final long frame;
    final boolean readonly;
    final int hostL1;
    final int hostIndex;

    GrantMap(int dom, int ref, long frame, boolean readonly, int hostL1, int hostIndex) {
        this.dom = dom;
        this.ref = ref;
        this.frame = frame;
        this.readonly = readonly;
        this.hostL1 = hostL1;
        this.hostIndex = hostIndex;
    }
}
