package pvspec.properties.mutants;

import java.util.List;
import pvspec.hypervisor.Checks;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.Mode;
import pvspec.model.abi.Pte;
import pvspec.model.abi.PteFlag;
import pvspec.model.state.Config;

/** The seeded-bug catalogue: one variant per historical bug class, each with one check removed or weakened. */
public final class Mutants {
    private Mutants() {}

    public static final List<Mutant> ALL = List.of(
            new Mutant("fast-path-rw-toggle", "XSA-182", "fast path lets RW change without revalidation", () -> new Checks() {
                @Override public boolean fastPath(long oldPte, long newPte) {
                    return Pte.present(oldPte) && Pte.present(newPte) && ((oldPte ^ newPte) & ~(FASTPATH_WHITELIST | PteFlag.RW.mask())) == 0;
                }
            }),
            new Mutant("pse-above-l1", "XSA-148", "superpage (PSE) entries accepted in L2..L4", () -> new Checks() {
                @Override public boolean upperFlagsAllowed(int level, long pte) {
                    return (Pte.flags(pte) & ~(UPPER_ALLOWED | PteFlag.PSE.mask())) == 0;
                }
            }),
            new Mutant("linear-chains", "XSA-240", "linear page tables chained beyond one level", () -> new Checks() {
                @Override public boolean linearOneLevel(int tableLinearCount, int targetLinearCount) {
                    return true;
                }
            }),
            new Mutant("grant-unmap-refcount", "XSA-224", "grant unmap drops a type reference the map never took", () -> new Checks() {
                @Override public boolean unmapDropsType(boolean readonlyMap) {
                    return true;
                }
            }),
            new Mutant("revoke-while-mapped", "XSA-218", "the granter rewrites or revokes a mapped grant", () -> new Checks() {
                @Override public boolean grantRewritable(int flags) {
                    return true;
                }
            }),
            new Mutant("no-flush-on-retype", "XSA-401", "no TLB flush when a frame becomes a page table", () -> new Checks() {
                @Override public boolean flushTlbOnPageTableType() {
                    return false;
                }
            }),
            new Mutant("missing-ownership-check", "XSA-248", "get_page does not check the owner", () -> new Checks() {
                @Override public boolean pageOwner(int owner, int expected) {
                    return true;
                }
            }),
            new Mutant("missing-type-check", "-", "get_page_type ignores the current type", () -> new Checks() {
                @Override public boolean typeMatches(int current, int wanted) {
                    return true;
                }
            }),
            new Mutant("missing-scrub", "-", "a dying domain's freed frame is not scrubbed (free_domheap_pages)", () -> new Checks() {
                @Override public boolean scrubOnFree(boolean ownerDying) {
                    return false;
                }
            }),
            new Mutant("missing-domctl-privilege", "-", "domctl from an unprivileged domain", () -> new Checks() {
                @Override public boolean domctlPermitted(boolean callerPrivileged) {
                    return true;
                }
            }),
            new Mutant("grant-unmap-no-pte-check", "XSA-234", "unmap does not check that the host PTE still maps the grant", () -> new Checks() {
                @Override public boolean unmapPteMatches(long pte, long grantPte) {
                    return true;
                }
            }),
            new Mutant("bind-to-any-unbound-port", "-", "bind_interdomain to a port offered to another domain", () -> new Checks() {
                @Override public boolean interdomainOffered(boolean remoteUnbound, int offeredTo, int caller) {
                    return remoteUnbound;
                }
            }),
            new Mutant("non-canonical-handler", "XSA-7", "trap handler address not checked for canonical form", () -> new Checks() {
                @Override public boolean handlerCanonical(Config c, long address) {
                    return true;
                }
            }),
            new Mutant("hypercall-from-user-mode", "XSA-213", "hypercalls accepted from guest user mode", () -> new Checks() {
                @Override public boolean allowedInMode(Hypercall h, Mode mode) {
                    return true;
                }
            }),
            new Mutant("ring0-trap-selector", "-", "a handler's selector keeps ring 0", () -> new Checks() {
                @Override public int handlerSelector(int cs) {
                    return cs;
                }
            }),
            new Mutant("foreign-mapping-unprivileged", "-", "foreigndom accepted from an unprivileged domain", () -> new Checks() {
                @Override public boolean foreignMappingPermitted(boolean callerPrivileged) {
                    return true;
                }
            }));

    public static Mutant byName(String name) {
        for (Mutant m : ALL) if (m.name().equals(name)) return m;
        throw new IllegalArgumentException("no mutant " + name);
    }
}
