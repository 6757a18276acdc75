package pvspec.model.rules;

import static pvspec.model.abi.check.Check.DOMCTL_BAD_VCPUS;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PAUSED;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.DOMCTL_NO_FREE_ID;
import static pvspec.model.abi.check.Check.DOMCTL_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.DOMCTL_SELF;
import static pvspec.model.abi.check.Check.DOMCTL_TOO_MANY_PAUSES;
import static pvspec.model.abi.check.Check.DOMCTL_UNKNOWN_COMMAND;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.State;

/**
 * {@code domctl} ({@code domctl.c:do_domctl}, {@code domain.c}): the control domain creates,
 * destroys, pauses and limits domains. A new domain is created paused (its controller pause count
 * is 1) and runs once the toolstack unpauses it; pauses are counted. The domain is looked up with
 * {@code rcu_lock_domain_by_id}, which finds a dying one too.
 */
final class DomctlRules {
    private DomctlRules() {}

    /** {@code d->max_pages} is an unsigned int; {@code max_mem} takes {@code min(new_max, UINT_MAX)} of an unsigned 64-bit value. */
    static final long MAX_PAGES_LIMIT = 0xFFFFFFFFL;

    static Outcome apply(State s, Caller c, Domctl h) {
        require(s.dom(c.domain()).privileged(), DOMCTL_NOT_PRIVILEGED);
        return h.accept(new Domctl.Visitor<>() {
            @Override
            public Outcome createDomain(Domctl.CreateDomain cd) {
                int id = Domains.lowestFreeId(s);
                require(id > 0, DOMCTL_NO_FREE_ID);
                require(cd.vcpus() >= 1 && cd.vcpus() <= s.config().vcpus(), DOMCTL_BAD_VCPUS);
                return Outcome.of(s.withDomain(State.newDomain(s.config(), id, false, maxPages(cd.maxPages()), cd.vcpus())), Result.value(id));
            }

            @Override
            public Outcome destroyDomain(Domctl.DestroyDomain x) {
                int dom = x.dom();
                require(s.domains().containsKey(dom), DOMCTL_NO_SUCH_DOMAIN);
                require(dom != c.domain(), DOMCTL_SELF);
                return Domains.kill(s, dom, c, Preemption.at(x.preempt()));
            }

            @Override
            public Outcome pauseDomain(Domctl.PauseDomain x) {
                Domain d = existing(s, x.dom());
                require(d.id() != c.domain(), DOMCTL_SELF);
                require(d.pauseCount() < 255, DOMCTL_TOO_MANY_PAUSES);
                return Outcome.of(s.withDomain(d.withPauseCount(d.pauseCount() + 1)), Result.OK);
            }

            @Override
            public Outcome unpauseDomain(Domctl.UnpauseDomain x) {
                Domain d = existing(s, x.dom());
                require(d.pauseCount() > 0, DOMCTL_NOT_PAUSED);
                return Outcome.of(s.withDomain(d.withPauseCount(d.pauseCount() - 1)), Result.OK);
            }

            @Override
            public Outcome maxMem(Domctl.MaxMem m) {
                Domain d = existing(s, m.dom());
                return Outcome.of(s.withDomain(d.withMaxPages(maxPages(m.pages()))), Result.OK);
            }

            @Override
            public Outcome unknown(Domctl.Unknown x) {
                throw Refusal.of(DOMCTL_UNKNOWN_COMMAND);
            }
        });
    }

    /** A page limit as Xen stores it: the argument as an unsigned 64-bit value, capped at {@code UINT_MAX}. */
    static long maxPages(long pages) {
        return pages < 0 || pages > MAX_PAGES_LIMIT ? MAX_PAGES_LIMIT : pages;
    }

    /** {@code rcu_lock_domain_by_id}: any domain that still exists, dying or not. */
    private static Domain existing(State s, int dom) {
        require(s.domains().containsKey(dom), DOMCTL_NO_SUCH_DOMAIN);
        return s.dom(dom);
    }
}
