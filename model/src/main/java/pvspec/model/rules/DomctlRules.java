package pvspec.model.rules;

import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EEXIST;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EOVERFLOW;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;
import static pvspec.model.rules.Refusal.require;

import java.util.List;
import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * {@code domctl} ({@code domctl.c:do_domctl}, {@code domain.c}): the control domain creates,
 * destroys, pauses and limits domains. A new domain is created paused (its controller pause count
 * is 1) and runs once the toolstack unpauses it; pauses are counted. The domain is looked up with
 * {@code rcu_lock_domain_by_id}, which finds a dying one too.
 */
final class DomctlRules {
    private DomctlRules() {}

    static final Refusal NOT_PRIVILEGED = Refusal.of(EPERM, "only the control domain may use domctl");
    /** {@code domid_alloc} finds no free id: {@code -EEXIST} (domctl.c:678-682). */
    static final Refusal NO_FREE_ID = Refusal.of(EEXIST, "every domain id is in use");
    /** {@code sanitise_domain_config}: {@code max_vcpus} 1 .. the limit. */
    static final Refusal BAD_VCPUS = Refusal.of(EINVAL, "a domain has 1 to config.vcpus vCPUs");
    static final Refusal NO_SUCH_DOMAIN = Refusal.of(ESRCH, "no such domain");
    /** {@code domain_kill} and {@code XEN_DOMCTL_pausedomain}: not on the caller itself. */
    static final Refusal SELF = Refusal.of(EINVAL, "the control domain cannot do this to itself");
    /** {@code _domain_pause_by_systemcontroller}: at most 255 pauses. */
    static final Refusal TOO_MANY_PAUSES = Refusal.of(EOVERFLOW, "the domain is paused 255 times already");
    /** {@code domain_unpause_by_systemcontroller}: the count would go below 0. */
    static final Refusal NOT_PAUSED = Refusal.of(EINVAL, "the domain is not paused");
    static final Refusal UNKNOWN_COMMAND = Refusal.of(ENOSYS, "no such domctl in ABI v1");

    static final List<Refusal> REFUSALS = List.of(NOT_PRIVILEGED, NO_FREE_ID, BAD_VCPUS, NO_SUCH_DOMAIN, SELF,
            TOO_MANY_PAUSES, NOT_PAUSED, UNKNOWN_COMMAND);

    /** {@code d->max_pages} is an unsigned int; {@code max_mem} takes {@code min(new_max, UINT_MAX)} of an unsigned 64-bit value. */
    static final long MAX_PAGES_LIMIT = 0xFFFFFFFFL;

    static Outcome apply(State s, Caller c, Domctl h) {
        require(s.dom(c.domain()).privileged(), NOT_PRIVILEGED);
        if (h instanceof Domctl.CreateDomain) {
            Domctl.CreateDomain cd = (Domctl.CreateDomain) h;
            int id = Domains.lowestFreeId(s);
            require(id > 0, NO_FREE_ID);
            require(cd.vcpus() >= 1 && cd.vcpus() <= s.config().vcpus(), BAD_VCPUS);
            return Outcome.of(s.withDomain(State.newDomain(s.config(), id, false, maxPages(cd.maxPages()), cd.vcpus())), Result.value(id));
        }
        if (h instanceof Domctl.DestroyDomain) {
            int dom = ((Domctl.DestroyDomain) h).dom();
            require(s.domains().containsKey(dom), NO_SUCH_DOMAIN);
            require(dom != c.domain(), SELF);
            return Outcome.of(s.dom(dom).life() == Lifecycle.DYING ? s : Domains.destroy(s, dom), Result.OK);
        }
        if (h instanceof Domctl.PauseDomain) {
            Domain d = existing(s, ((Domctl.PauseDomain) h).dom());
            require(d.id() != c.domain(), SELF);
            require(d.pauseCount() < 255, TOO_MANY_PAUSES);
            return Outcome.of(s.withDomain(d.withPauseCount(d.pauseCount() + 1)), Result.OK);
        }
        if (h instanceof Domctl.UnpauseDomain) {
            Domain d = existing(s, ((Domctl.UnpauseDomain) h).dom());
            require(d.pauseCount() > 0, NOT_PAUSED);
            return Outcome.of(s.withDomain(d.withPauseCount(d.pauseCount() - 1)), Result.OK);
        }
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            Domain d = existing(s, m.dom());
            return Outcome.of(s.withDomain(d.withMaxPages(maxPages(m.pages()))), Result.OK);
        }
        throw UNKNOWN_COMMAND;
    }

    /** A page limit as Xen stores it: the argument as an unsigned 64-bit value, capped at {@code UINT_MAX}. */
    static long maxPages(long pages) {
        return pages < 0 || pages > MAX_PAGES_LIMIT ? MAX_PAGES_LIMIT : pages;
    }

    /** {@code rcu_lock_domain_by_id}: any domain that still exists, dying or not. */
    private static Domain existing(State s, int dom) {
        require(s.domains().containsKey(dom), NO_SUCH_DOMAIN);
        return s.dom(dom);
    }
}
