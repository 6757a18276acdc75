package pvspec.hypervisor;

import static pvspec.model.abi.check.Check.DOMCTL_BAD_MAX_PAGES;
import static pvspec.model.abi.check.Check.DOMCTL_BAD_VCPUS;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PAUSED;
import static pvspec.model.abi.check.Check.DOMCTL_NOT_PRIVILEGED;
import static pvspec.model.abi.check.Check.DOMCTL_NO_FREE_ID;
import static pvspec.model.abi.check.Check.DOMCTL_NO_SUCH_DOMAIN;
import static pvspec.model.abi.check.Check.DOMCTL_SELF;
import static pvspec.model.abi.check.Check.DOMCTL_UNKNOWN_COMMAND;

import pvspec.model.abi.Domctl;
import pvspec.model.abi.Result;

/** {@code domctl}: the control domain creates, destroys, pauses and limits domains. */
final class DomctlOps {
    private DomctlOps() {}


    static Result apply(Txn t, Domctl h) {
        if (!t.checks.domctlPermitted(t.dom.privileged)) throw Refused.of(DOMCTL_NOT_PRIVILEGED);
        return h.accept(new Domctl.Visitor<>() {
            @Override public Result createDomain(Domctl.CreateDomain x) { return create(t, x); }

            @Override
            public Result destroyDomain(Domctl.DestroyDomain x) {
                int id = x.dom();
                Dom d = t.dom(id);
                if (d == null) throw Refused.of(DOMCTL_NO_SUCH_DOMAIN);
                if (id == t.me) throw Refused.of(DOMCTL_SELF);
                if (d.alive()) Teardown.destroy(t, d);
                return Result.OK;
            }

            @Override
            public Result pauseDomain(Domctl.PauseDomain x) {
                Dom d = other(t, x.dom());
                t.setLong(d.vars, Dom.PAUSED, 1);
                return Result.OK;
            }

            @Override
            public Result unpauseDomain(Domctl.UnpauseDomain x) {
                Dom d = other(t, x.dom());
                if (d.vars[Dom.PAUSED] == 0) throw Refused.of(DOMCTL_NOT_PAUSED);
                t.setLong(d.vars, Dom.PAUSED, 0);
                return Result.OK;
            }

            @Override
            public Result maxMem(Domctl.MaxMem m) {
                Dom d = t.alive(m.dom());
                if (d == null) throw Refused.of(DOMCTL_NO_SUCH_DOMAIN);
                if (m.pages() < 0) throw Refused.of(DOMCTL_BAD_MAX_PAGES);
                t.setLong(d.vars, Dom.MAX_PAGES, m.pages());
                return Result.OK;
            }

            @Override public Result unknown(Domctl.Unknown x) { throw Refused.of(DOMCTL_UNKNOWN_COMMAND); }
        });
    }

    /** New domains take the lowest free id from 1 and start running. */
    private static Result create(Txn t, Domctl.CreateDomain h) {
        if (h.maxPages() < 0) throw Refused.of(DOMCTL_BAD_MAX_PAGES);
        if (h.vcpus() < 1 || h.vcpus() > t.hv.config.vcpus()) throw Refused.of(DOMCTL_BAD_VCPUS);
        t.lockDomlist(); // domain ids come and go only under it
        int id = -1;
        for (int i = 1; i < t.hv.nslots; i++) {
            if (t.hv.doms[i] == null) {
                id = i;
                break;
            }
        }
        if (id < 0) throw Refused.of(DOMCTL_NO_FREE_ID);
        t.need(id);
        t.setObj(t.hv.doms, id, new Dom(t.hv, id, false, h.maxPages(), h.vcpus()));
        return Result.value(id);
    }

    /** A live domain other than the caller. */
    private static Dom other(Txn t, int id) {
        Dom d = t.alive(id);
        if (d == null) throw Refused.of(DOMCTL_NO_SUCH_DOMAIN);
        if (id == t.me) throw Refused.of(DOMCTL_SELF);
        return d;
    }
}
