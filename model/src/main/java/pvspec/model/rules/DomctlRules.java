package pvspec.model.rules;

import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOMEM;
import static pvspec.model.abi.Errno.ENOSYS;
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
 * {@code domctl}: the control domain creates, destroys, pauses and limits domains. New domains
 * start running (Xen creates them paused and the toolstack unpauses them once built; ABI v1
 * folds the two).
 */
final class DomctlRules {
    private DomctlRules() {}

    static final Refusal NOT_PRIVILEGED = Refusal.of(EPERM, "only the control domain may use domctl");
    static final Refusal BAD_MAX_PAGES = Refusal.of(EINVAL, "max_pages is negative");
    static final Refusal BAD_VCPUS = Refusal.of(EINVAL, "a domain has 1 to config.vcpus vCPUs");
    static final Refusal NO_FREE_ID = Refusal.of(ENOMEM, "every domain id is in use");
    static final Refusal NO_SUCH_DOMAIN = Refusal.of(ESRCH, "no such domain (or it is dying)");
    static final Refusal SELF = Refusal.of(EINVAL, "the control domain cannot do this to itself");
    static final Refusal NOT_PAUSED = Refusal.of(EINVAL, "the domain is not paused");
    static final Refusal UNKNOWN_COMMAND = Refusal.of(ENOSYS, "no such domctl in ABI v1");

    static final List<Refusal> REFUSALS = List.of(NOT_PRIVILEGED, BAD_MAX_PAGES, BAD_VCPUS, NO_FREE_ID, NO_SUCH_DOMAIN, SELF,
            NOT_PAUSED, UNKNOWN_COMMAND);

    static Outcome apply(State s, Caller c, Domctl h) {
        require(s.dom(c.domain()).privileged(), NOT_PRIVILEGED);
        if (h instanceof Domctl.CreateDomain) {
            Domctl.CreateDomain cd = (Domctl.CreateDomain) h;
            require(cd.maxPages() >= 0, BAD_MAX_PAGES);
            require(cd.vcpus() >= 1 && cd.vcpus() <= s.config().vcpus(), BAD_VCPUS);
            int id = Domains.lowestFreeId(s);
            require(id > 0, NO_FREE_ID);
            return Outcome.of(s.withDomain(State.newDomain(s.config(), id, false, cd.maxPages(), cd.vcpus())), Result.value(id));
        }
        if (h instanceof Domctl.DestroyDomain) {
            int dom = ((Domctl.DestroyDomain) h).dom();
            require(s.domains().containsKey(dom), NO_SUCH_DOMAIN);
            require(dom != c.domain(), SELF);
            return Outcome.of(s.dom(dom).life() == Lifecycle.DYING ? s : Domains.destroy(s, dom), Result.OK);
        }
        if (h instanceof Domctl.PauseDomain) {
            Domain d = other(s, c, ((Domctl.PauseDomain) h).dom());
            return Outcome.of(s.withDomain(d.withPaused(true)), Result.OK);
        }
        if (h instanceof Domctl.UnpauseDomain) {
            Domain d = other(s, c, ((Domctl.UnpauseDomain) h).dom());
            require(d.paused(), NOT_PAUSED);
            return Outcome.of(s.withDomain(d.withPaused(false)), Result.OK);
        }
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            require(s.isAlive(m.dom()), NO_SUCH_DOMAIN);
            require(m.pages() >= 0, BAD_MAX_PAGES);
            return Outcome.of(s.withDomain(s.dom(m.dom()).withMaxPages(m.pages())), Result.OK);
        }
        throw UNKNOWN_COMMAND;
    }

    /** A live domain other than the caller. */
    private static Domain other(State s, Caller c, int dom) {
        require(s.isAlive(dom), NO_SUCH_DOMAIN);
        require(dom != c.domain(), SELF);
        return s.dom(dom);
    }
}
