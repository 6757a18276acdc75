package pvspec.guests.random;

import java.util.ArrayList;
import java.util.List;

/**
 * What random guests tell each other out of band (their xenstore): the domains there are, the
 * ports they left unbound for someone, the grants they offered. Offers may be stale: a guest
 * that acts on one may be refused, as a real guest racing its peer would be.
 */
public final class RandomWorld {
    /** An unbound port {@code port} of {@code owner} that {@code forDom} may bind. */
    public record PortOffer(int owner, int port, int forDom) {}

    /** Grant {@code ref} of {@code granter} offered to {@code forDom}. */
    public record GrantOffer(int granter, int ref, int forDom, boolean readonly) {}

    private final List<Integer> domains = new ArrayList<>();
    private final List<PortOffer> ports = new ArrayList<>();
    private final List<GrantOffer> grants = new ArrayList<>();

    public synchronized void addDomain(int domid) {
        domains.add(domid);
    }

    public synchronized List<Integer> domains() {
        return List.copyOf(domains);
    }

    public synchronized void offer(PortOffer o) {
        ports.add(o);
    }

    public synchronized void offer(GrantOffer o) {
        grants.add(o);
    }

    public synchronized void withdraw(PortOffer o) {
        ports.remove(o);
    }

    public synchronized void withdraw(GrantOffer o) {
        grants.remove(o);
    }

    /** {@code granter} revoked {@code ref}: its offers are void. */
    public synchronized void withdrawGrant(int granter, int ref) {
        grants.removeIf(o -> o.granter() == granter && o.ref() == ref);
    }

    /** {@code owner} closed {@code port}: its offers are void. */
    public synchronized void withdrawPort(int owner, int port) {
        ports.removeIf(o -> o.owner() == owner && o.port() == port);
    }

    /** Port offers made to {@code dom}. */
    public synchronized List<PortOffer> portsFor(int dom) {
        List<PortOffer> out = new ArrayList<>();
        for (PortOffer o : ports) if (o.forDom() == dom) out.add(o);
        return out;
    }

    /** Grant offers made to {@code dom}. */
    public synchronized List<GrantOffer> grantsFor(int dom) {
        List<GrantOffer> out = new ArrayList<>();
        for (GrantOffer o : grants) if (o.forDom() == dom) out.add(o);
        return out;
    }
}
