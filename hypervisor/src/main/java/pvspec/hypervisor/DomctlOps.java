package pvspec.hypervisor;

import static pvspec.model.abi.Errno.EINVAL;
import static pvspec.model.abi.Errno.EEXIST;
import static pvspec.model.abi.Errno.ENOSYS;
import static pvspec.model.abi.Errno.EOVERFLOW;
import static pvspec.model.abi.Errno.EPERM;
import static pvspec.model.abi.Errno.ESRCH;

import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;

/**
 * {@code domctl}: the control domain creates, destroys, pauses and limits domains. New domains are
 * created paused once (controller pause count 1); pauses are counted; a dying domain is found.
 */
final class DomctlOps {
    private DomctlOps() {}

    static final Refused NOT_PRIVILEGED = Refused.of(EPERM, "domctl is for the control domain");
    static final Refused NO_FREE_ID = Refused.of(EEXIST, "every domain id is in use");
    static final Refused BAD_VCPUS = Refused.of(EINVAL, "1 to config.vcpus vCPUs");
    static final Refused NO_SUCH_DOMAIN = Refused.of(ESRCH, "no such domain");
    static final Refused SELF = Refused.of(EINVAL, "not on the control domain itself");
    static final Refused TOO_MANY_PAUSES = Refused.of(EOVERFLOW, "paused 255 times already");
    static final Refused NOT_PAUSED = Refused.of(EINVAL, "not paused");
    static final Refused UNKNOWN_COMMAND = Refused.of(ENOSYS, "no such domctl");

    static Result apply(Txn t, Domctl h) {
        if (!t.checks.domctlPermitted(t.dom.privileged)) throw NOT_PRIVILEGED;
        if (h instanceof Domctl.CreateDomain) return create(t, (Domctl.CreateDomain) h);
        if (h instanceof Domctl.DestroyDomain) {
            int id = ((Domctl.DestroyDomain) h).dom();
            Dom d = existing(t, id);
            if (id == t.me) throw SELF;
            if (d.alive()) Teardown.destroy(t, d);
            return Result.OK;
        }
        if (h instanceof Domctl.PauseDomain) {
            int id = ((Domctl.PauseDomain) h).dom();
            Dom d = existing(t, id);
            if (id == t.me) throw SELF;
            if (d.vars[Dom.PAUSED] >= 255) throw TOO_MANY_PAUSES;
            t.setLong(d.vars, Dom.PAUSED, d.vars[Dom.PAUSED] + 1);
            return Result.OK;
        }
        if (h instanceof Domctl.UnpauseDomain) {
            Dom d = existing(t, ((Domctl.UnpauseDomain) h).dom());
            if (d.vars[Dom.PAUSED] == 0) throw NOT_PAUSED;
            t.setLong(d.vars, Dom.PAUSED, d.vars[Dom.PAUSED] - 1);
            return Result.OK;
        }
        if (h instanceof Domctl.MaxMem) {
            Domctl.MaxMem m = (Domctl.MaxMem) h;
            Dom d = existing(t, m.dom());
            t.setLong(d.vars, Dom.MAX_PAGES, maxPages(m.pages()));
            return Result.OK;
        }
        throw UNKNOWN_COMMAND;
    }

    /** An unsigned 64-bit page count, capped at {@code UINT_MAX} ({@code d->max_pages}). */
    private static long maxPages(long pages) {
        return pages < 0 || pages > 0xFFFFFFFFL ? 0xFFFFFFFFL : pages;
    }

    /** New domains take the lowest free id from 1 and start paused once. */
    private static Result create(Txn t, Domctl.CreateDomain h) {
        t.lockDomlist(); // domain ids come and go only under it
        int id = -1;
        for (int i = 1; i < t.hv.nslots; i++) {
            if (t.hv.doms[i] == null) {
                id = i;
                break;
            }
        }
        if (id < 0) throw NO_FREE_ID;
        if (h.vcpus() < 1 || h.vcpus() > t.hv.config.vcpus()) throw BAD_VCPUS;
        t.need(id);
        Dom d = new Dom(t.hv, id, false, maxPages(h.maxPages()), h.vcpus());
        d.vars[Dom.PAUSED] = 1;
        t.setObj(t.hv.doms, id, d);
        return Result.value(id);
    }

    /** Any domain that still exists, dying or not ({@code rcu_lock_domain_by_id}). */
    private static Dom existing(Txn t, int id) {
        Dom d = t.dom(id);
        if (d == null) throw NO_SUCH_DOMAIN;
        return d;
    }
}
