package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.DOMCTL_BAD_VCPUS;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PAUSED;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.DOMCTL_NO_FREE_ID;
import static pvspec.model.abi.check.Check.DOMCTL_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.DOMCTL_SELF;
import static pvspec.model.abi.check.Check.DOMCTL_TOO_MANY_PAUSES;
import static pvspec.model.abi.check.Check.DOMCTL_UNKNOWN_COMMAND;

import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;

/**
 * {@code domctl}: the control domain creates, destroys, pauses and limits domains. New domains are
 * created paused once (controller pause count 1); pauses are counted; a dying domain is found.
 */
final class DomctlOps {
    private DomctlOps() {}


    static Result apply(Txn t, Domctl h) {
        if (!t.checks.domctlPermitted(t.dom.privileged)) throw Refused.of(DOMCTL_NOT_PRIVILEGED);
        return h.accept(new Domctl.Visitor<>() {
            @Override public Result createDomain(Domctl.CreateDomain x) { return create(t, x); }

            @Override
            public Result destroyDomain(Domctl.DestroyDomain x) {
                int id = x.dom();
                Dom d = existing(t, id);
                if (id == t.me) throw Refused.of(DOMCTL_SELF);
                return Teardown.kill(t, d, x.preempt());
            }

            @Override
            public Result pauseDomain(Domctl.PauseDomain x) {
                Dom d = existing(t, x.dom());
                if (x.dom() == t.me) throw Refused.of(DOMCTL_SELF);
                if (d.vars[Dom.PAUSED] >= 255) throw Refused.of(DOMCTL_TOO_MANY_PAUSES);
                t.setLong(d.vars, Dom.PAUSED, d.vars[Dom.PAUSED] + 1);
                return Result.OK;
            }

            @Override
            public Result unpauseDomain(Domctl.UnpauseDomain x) {
                Dom d = existing(t, x.dom());
                if (d.vars[Dom.PAUSED] == 0) throw Refused.of(DOMCTL_NOT_PAUSED);
                t.setLong(d.vars, Dom.PAUSED, d.vars[Dom.PAUSED] - 1);
                return Result.OK;
            }

            @Override
            public Result maxMem(Domctl.MaxMem m) {
                Dom d = existing(t, m.dom());
                t.setLong(d.vars, Dom.MAX_PAGES, maxPages(m.pages()));
                return Result.OK;
            }

            @Override public Result unknown(Domctl.Unknown x) { throw Refused.of(DOMCTL_UNKNOWN_COMMAND); }
        });
    }

    /** An unsigned 64-bit page count, capped at {@code UINT_MAX} ({@code d->max_pages}). */
    private static long maxPages(long pages) {
        return pages < 0 || pages > 0xFFFFFFFFL ? 0xFFFFFFFFL : pages;
    }

    /** New domains take the lowest free id from 1 and start paused once ({@code controller_pause_count = 1}). */
    private static Result create(Txn t, Domctl.CreateDomain h) {
        t.lockDomlist(); // domain ids come and go only under it
        int id = -1;
        for (int i = 1; i < t.hv.nslots; i++) {
            if (t.hv.doms[i] == null) {
                id = i;
                break;
            }
        }
        if (id < 0) throw Refused.of(DOMCTL_NO_FREE_ID);
        if (h.vcpus() < 1 || h.vcpus() > t.hv.config.vcpus()) throw Refused.of(DOMCTL_BAD_VCPUS);
        t.need(id);
        Dom d = new Dom(t.hv, id, false, maxPages(h.maxPages()), h.vcpus());
        d.vars[Dom.PAUSED] = 1;
        t.setObj(t.hv.doms, id, d);
        return Result.value(id);
    }

    /** Any domain that still exists, dying or not ({@code rcu_lock_domain_by_id}). */
    private static Dom existing(Txn t, int id) {
        Dom d = t.dom(id);
        if (d == null) throw Refused.of(DOMCTL_NO_SUCH_DOMAIN);
        return d;
    }
}
