package pvspec.model.rules;

import static pvspec.model.abi.check.Check.DOMCTL_BAD_MAX_PAGES;
import static pvspec.model.abi.check.Check.DOMCTL_BAD_VCPUS;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PAUSED;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.DOMCTL_NO_FREE_ID;
import static pvspec.model.abi.check.Check.DOMCTL_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.DOMCTL_SELF;
import static pvspec.model.abi.check.Check.DOMCTL_UNKNOWN_COMMAND;
import static pvspec.model.rules.Refusal.require;

import pvspec.model.abi.Caller;
import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;
import pvspec.model.state.Domain;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.State;

/**
 * {@code domctl}: the control domain creates, destroys, pauses and limits domains. New domains
 * start running (Xen creates them paused and the toolstack unpauses them once built; ABI v1
 * folds the two).
 */
final class DomctlRules {
    private DomctlRules() {}


    static Outcome apply(State s, Caller c, Domctl h) {
        require(s.dom(c.domain()).privileged(), DOMCTL_NOT_PRIVILEGED);
        return h.accept(new Domctl.Visitor<>() {
            @Override
            public Outcome createDomain(Domctl.CreateDomain cd) {
                require(cd.maxPages() >= 0, DOMCTL_BAD_MAX_PAGES);
                require(cd.vcpus() >= 1 && cd.vcpus() <= s.config().vcpus(), DOMCTL_BAD_VCPUS);
                int id = Domains.lowestFreeId(s);
                require(id > 0, DOMCTL_NO_FREE_ID);
                return Outcome.of(s.withDomain(State.newDomain(s.config(), id, false, cd.maxPages(), cd.vcpus())), Result.value(id));
            }

            @Override
            public Outcome destroyDomain(Domctl.DestroyDomain x) {
                int dom = x.dom();
                require(s.domains().containsKey(dom), DOMCTL_NO_SUCH_DOMAIN);
                require(dom != c.domain(), DOMCTL_SELF);
                return Outcome.of(s.dom(dom).life() == Lifecycle.DYING ? s : Domains.destroy(s, dom), Result.OK);
            }

            @Override
            public Outcome pauseDomain(Domctl.PauseDomain x) {
                Domain d = other(s, c, x.dom());
                return Outcome.of(s.withDomain(d.withPaused(true)), Result.OK);
            }

            @Override
            public Outcome unpauseDomain(Domctl.UnpauseDomain x) {
                Domain d = other(s, c, x.dom());
                require(d.paused(), DOMCTL_NOT_PAUSED);
                return Outcome.of(s.withDomain(d.withPaused(false)), Result.OK);
            }

            @Override
            public Outcome maxMem(Domctl.MaxMem m) {
                require(s.isAlive(m.dom()), DOMCTL_NO_SUCH_DOMAIN);
                require(m.pages() >= 0, DOMCTL_BAD_MAX_PAGES);
                return Outcome.of(s.withDomain(s.dom(m.dom()).withMaxPages(m.pages())), Result.OK);
            }

            @Override
            public Outcome unknown(Domctl.Unknown x) {
                throw Refusal.of(DOMCTL_UNKNOWN_COMMAND);
            }
        });
    }

    /** A live domain other than the caller. */
    private static Domain other(State s, Caller c, int dom) {
        require(s.isAlive(dom), DOMCTL_NO_SUCH_DOMAIN);
        require(dom != c.domain(), DOMCTL_SELF);
        return s.dom(dom);
    }
}
