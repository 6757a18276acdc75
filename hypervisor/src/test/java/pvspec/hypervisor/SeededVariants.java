package pvspec.hypervisor;

import java.util.LinkedHashMap;
import java.util.Map;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;

/**
 * The seeded-bug catalogue's shape: each variant is {@link Checks} with exactly one method
 * overridden, named after the Xen security advisory (or bug class) it re-introduces.
 */
final class SeededVariants {
    private SeededVariants() {}

    static Map<String, Checks> all() {
        Map<String, Checks> m = new LinkedHashMap<>();
        m.put("XSA-182 fast path lets RW toggle", new Checks() {
            @Override public boolean fastPath(long oldPte, long newPte) {
                return Pte.present(oldPte) && Pte.present(newPte)
                        && ((oldPte ^ newPte) & ~(FASTPATH_WHITELIST | PteFlag.RW.mask())) == 0;
            }
        });
        m.put("XSA-148 PSE accepted above L1", new Checks() {
            @Override public boolean upperFlagsAllowed(int level, long pte) {
                return (Pte.flags(pte) & ~(UPPER_ALLOWED | PteFlag.PSE.mask())) == 0;
            }
        });
        m.put("XSA-240 linear chains", new Checks() {
            @Override public boolean linearOneLevel(int tableLinearCount, int targetLinearCount) {
                return true;
            }
        });
        m.put("XSA-224 grant unmap drops a type reference it never took", new Checks() {
            @Override public boolean unmapDropsType(boolean readonlyMap) {
                return true;
            }
        });
        m.put("XSA-218 grant revoked while mapped", new Checks() {
            @Override public boolean grantRewritable(int flags) {
                return true;
            }
        });
        m.put("XSA-401 no TLB flush when a frame becomes a page table", new Checks() {
            @Override public boolean flushTlbOnPageTableType() {
                return false;
            }
        });
        m.put("missing ownership check (get_page)", new Checks() {
            @Override public boolean pageOwner(int owner, int expected) {
                return true;
            }
        });
        m.put("missing type check (get_page_type)", new Checks() {
            @Override public boolean typeMatches(int current, int wanted) {
                return true;
            }
        });
        m.put("missing scrub on free", new Checks() {
            @Override public boolean scrubOnFree() {
                return false;
            }
        });
        m.put("missing privilege check (domctl)", new Checks() {
            @Override public boolean domctlPermitted(boolean callerPrivileged) {
                return true;
            }
        });
        m.put("missing trap-address check", new Checks() {
            @Override public boolean handlerInGuestRange(Config c, long address) {
                return true;
            }
        });
        m.put("event-channel link check (bind to any unbound port)", new Checks() {
            @Override public boolean interdomainOffered(boolean remoteUnbound, int offeredTo, int caller) {
                return remoteUnbound;
            }
        });
        return m;
    }
}
