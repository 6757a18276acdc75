package pvspec.guests.attack;

import static pvspec.guests.attack.Expect.gnt;
import static pvspec.model.abi.Gntst.GNTST_bad_dev_addr;
import static pvspec.model.abi.Gntst.GNTST_bad_handle;
import static pvspec.model.abi.Gntst.GNTST_okay;

import pvspec.model.abi.GrantTableOp;
import pvspec.model.state.Frame;

/**
 * XSA-224 (CVE-2017-10920, XTF tests/xsa-224): a writable grant mapped for the host and a device
 * and unmapped in two halves. Each part took its own general and writable-type reference
 * ({@code grant_table.c:map_grant_ref}:1194-1221) and each unmap drops only its own part's
 * ({@code unmap_common}:1524-1545, {@code unmap_common_complete}:1637-1668); a vulnerable Xen
 * dropped one writable reference too many. A device address that is not the frame's is refused.
 */
public final class Xsa224PartialUnmapRefcount implements Attack {
    @Override
    public AttackInfo info() {
        return new AttackInfo("partial-unmap-refcount", "XSA-224", "host and device halves of a grant unmapped separately",
                "map a grant writable with host_map|device_map, unmap the host half, a wrong device address, the device half, and again",
                "GNTST_okay, GNTST_bad_dev_addr, GNTST_okay, GNTST_bad_handle; the frame's counts end where they began");
    }

    @Override
    public void run(AttackScript s) {
        GrantedGuests g = GrantedGuests.setUp(s);
        long frame = g.frame();
        g.granter().hp().ok(pvspec.guests.hypercall.Calls.grantAccess(0, g.grantee().domid(), frame, false));
        Frame before = s.state().frame(frame);
        long va = g.grantee().spareVa(0);
        int flags = GrantTableOp.GNTMAP_host_map | GrantTableOp.GNTMAP_device_map;
        int handle = (int) g.grantee().hp().value(new GrantTableOp.MapGrantRef(g.granter().domid(), 0, flags, va));
        s.attempt(g.grantee().hp(), new GrantTableOp.UnmapGrantRef(handle, va, 0), gnt(GNTST_okay));
        s.attempt(g.grantee().hp(), new GrantTableOp.UnmapGrantRef(handle, 0, (frame + 1) << 12), gnt(GNTST_bad_dev_addr));
        s.attempt(g.grantee().hp(), new GrantTableOp.UnmapGrantRef(handle, 0, frame << 12), gnt(GNTST_okay));
        s.attempt(g.grantee().hp(), new GrantTableOp.UnmapGrantRef(handle, 0, frame << 12), gnt(GNTST_bad_handle));
        s.postcondition("the frame's general and type counts are what they were before the map; the grant is free", st -> {
            Frame f = st.frame(frame);
            return f.count() == before.count() && f.typeCount() == before.typeCount()
                    && !st.dom(g.granter().domid()).grants().get(0).inUse();
        });
    }
}
