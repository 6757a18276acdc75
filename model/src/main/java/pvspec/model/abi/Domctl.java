package pvspec.model.abi;

/** {@code HYPERVISOR_domctl}: the control domain's management of other domains. */
public sealed interface Domctl extends Hypercall {

    @Override
    default String kind() {
        return "domctl " + name();
    }

    String name();

    /** Create a domain with {@code vcpus} vCPUs that may hold up to {@code maxPages} frames; returns its id. */
    record CreateDomain(long maxPages, int vcpus) implements Domctl {
        @Override public String name() { return "createdomain"; }
    }

    /** Tear a domain down and release everything it holds. */
    record DestroyDomain(int dom) implements Domctl {
        @Override public String name() { return "destroydomain"; }
    }

    record PauseDomain(int dom) implements Domctl {
        @Override public String name() { return "pausedomain"; }
    }

    record UnpauseDomain(int dom) implements Domctl {
        @Override public String name() { return "unpausedomain"; }
    }

    /** Set how many frames {@code dom} may hold. */
    record MaxMem(int dom, long pages) implements Domctl {
        @Override public String name() { return "max_mem"; }
    }

    /** A sub-command number outside pvspec's ABI. */
    record Unknown(int cmd) implements Domctl {
        @Override public String name() { return "cmd"; }
    }
}
