package pvspec.hypervisor;

import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.ENOMEM;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;

import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;

/** {@code domctl}: the control domain creates, destroys, pauses and limits domains. */
final class DomctlOps {
    private DomctlOps() {}

    static final Refused NOT_PRIVILEGED = Refused.of(EPERM, "domctl is for the control domain");
    static final Refused BAD_MAX_PAGES = Refused.of(EINVAL, "negative max_pages");
    static final Refused BAD_VCPUS = Refused.of(EINVAL, "1 to config.vcpus vCPUs");
    static final Refused NO_FREE_ID = Refused.of(ENOMEM, "every domain id is in use");
    static final Refused NO_SUCH_DOMAIN = Refused.of(ESRCH, "no such domain");
    static final Refused SELF = Refused.of(EINVAL, "not on the control domain itself");
    static final Refused NOT_PAUSED = Refused.of(EINVAL, "not paused");
    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such domctl");

    static Result apply(Txn t, Domctl h) {
        if (!t.checks.domctlPermitted(t.dom.privileged)) throw NOT_PRIVILEGED;
        if (h instanceof Domctl.CreateDomain) return create(t, (Domctl.CreateDomain) h);
        if (h instanceof Domctl.DestroyDomain) {
            int id = ((Domctl.DestroyDomain) h).dom();
            Dom d = t.dom(id);
            if (d == null) throw NO_SUCH_DOMAIN;
            if (id == t.me) throw SELF;
            if (d.alive()) Teardown.destroy(t, d);
            return Result.OK;
        }
        if (h instanceof Domctl.PauseDomain) {
            Dom d = other(t, ((Domctl.PauseDomain) h).dom());
            t.setLong(d.vars, Dom.PAUSED, 1);
            return Result.OK;
        }
        if (h instanceof Domctl.UnpauseDomain) {
            Dom d = other(t, ((Domctl.UnpauseDomain) h).dom());
            if (d.vars[Dom.PAUSED] == 0) throw NOT_PAUSED;
            t.setLong(d.vars, Dom.PAUSED, 0);
            return Result.OK;
        }
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            Dom d = t.alive(m.dom());
            if (d == null) throw NO_SUCH_DOMAIN;
            if (m.pages() < 0) throw BAD_MAX_PAGES;
            t.setLong(d.vars, Dom.MAX_PAGES, m.pages());
            return Result.OK;
        }
        throw UNKNOWN_COMMAND;
    }

    /** New domains take the lowest free id from 1 and start running. */
    private static Result create(Txn t, Domctl.CreateDomain h) {
        if (h.maxPages() < 0) throw BAD_MAX_PAGES;
        if (h.vcpus() < 1 || h.vcpus() > t.hv.config.vcpus()) throw BAD_VCPUS;
        t.lockDomlist(); // domain ids come and go only under it
        int id = -1;
        for (int i = 1; i < t.hv.nslots; i++) {
            if (t.hv.doms[i] == null) {
                id = i;
                break;
            }
        }
        if (id < 0) throw NO_FREE_ID;
        t.need(id);
        t.setObj(t.hv.doms, id, new Dom(t.hv, id, false, h.maxPages(), h.vcpus()));
        return Result.value(id);
    }

    /** A live domain other than the caller. */
    private static Dom other(Txn t, int id) {
        Dom d = t.alive(id);
        if (d == null) throw NO_SUCH_DOMAIN;
        if (id == t.me) throw SELF;
        return d;
    }
}
