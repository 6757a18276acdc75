package pvspec.model.abi.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Result;

/** The refusal registry: ids stable and unique, each with its Xen citation, result and sentence. */
class CheckTest {
    @Test
    void everyIdIsXensFileFunctionAndCheckAndUnique() {
        Set<String> ids = new HashSet<>();
        for (Check c : Check.values()) {
            assertThat(c.id()).as(c.name()).matches("[a-z_0-9-]+\\.(c|S):[A-Za-z_0-9]+:[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(ids.add(c.id())).as("%s is the only check with id %s", c.name(), c.id()).isTrue();
            assertThat(Check.byId(c.id())).contains(c);
        }
        assertThat(Check.byId("mm.c:nowhere:nothing")).isEmpty();
    }

    @Test
    void everyCheckCitesAXenFunction() {
        for (Check c : Check.values()) {
            assertThat(c.citation()).as("%s cites a function in Xen's tree", c.id()).matches("xen/[a-z0-9_/\\-]+\\.(c|S):[A-Za-z_0-9]+");
            assertThat(c.id()).as("the id names the cited function").startsWith(
                    c.citation().substring(c.citation().lastIndexOf('/') + 1) + ":");
            assertThat(c.citationKind()).isNotNull();
        }
    }

    @Test
    void everyCheckRefusesWithASentence() {
        for (Check c : Check.values()) {
            if (c.area() == Area.MEMORY_OP && c.result().equals(Result.value(0))) {
                continue; // memory_op's reservation calls report a refusal as "0 done" (memory.c:1569-1597)
            }
            assertThat(c.result().succeeded()).as(c.id()).isFalse();
            assertThat(c.result()).isInstanceOfAny(Result.Err.class, Result.Gnt.class);
            assertThat(c.sentence()).as(c.id()).isNotBlank();
            assertThat(c.area()).isNotNull();
        }
    }

    @Test
    void theBriefsExampleIdIsThere() {
        assertThat(Check.L1_DISALLOWED_FLAGS.id()).isEqualTo("mm.c:get_page_from_l1e:disallowed-flags");
        assertThat(Check.L1_DISALLOWED_FLAGS.citation()).isEqualTo("xen/arch/x86/mm.c:get_page_from_l1e");
        // 80 at issue 12; issue 13 removed checks Xen does not make (mm: pin level, flush type; common:
        // nine in events, grants, memory, domains and traps; the three linear checks, now the typing's
        // refusals) and added five Xen makes: 71; issue 15 added bind_vcpu's three, reset's four,
        // the reservation queries' two and copy_page's two; the mmu2 branch seven (the page-table
        // owner, the unknown command, machphys's two, mmuext_op's two foreigndom checks and
        // update_va_mapping's XSM check) and XENMEM_exchange's ten; issue 14's user split the multicall's reentry; vm_assist's two;
        // preemption mmu_update's not-validated; the desc branch fifteen (set_gdt, update_descriptor, SET_LDT, callback_op,
        // mmu_update of a seg_desc page); grants2 the map flags' and the unmaps' eight; usersplit2
        // set_segment_base's two;
        // gnttransfer: GNTTABOP_transfer's eight (mfn_valid, steal_page's two, the receiver's four, the entry's).
        // gntcopy: setup_table's three, query_size's two, copy's eleven.
        // gv2: set_version's two (its ENOSYS unreachable: every model domain may use v2), get_version's two, get_status_frames' three.
        // swap15: swap_grant_ref's four (either reference out of range, either entry pinned).
        // vaddr15: setup_table's frame list, guest_handle_okay and the copy to it; the lead the same two of get_status_frames' list.
        assertThat(Check.values()).hasSize(167);
    }

    @Test
    void aReplyComparesResultAndCheck() {
        Reply a = Reply.refused(Result.err(pvspec.model.abi.Errno.EINVAL), Check.MMUEXT_NOT_OWNED);
        Reply b = Reply.refused(Result.err(pvspec.model.abi.Errno.EINVAL), Check.MMUEXT_BAD_TYPE);
        assertThat(a).isNotEqualTo(b).isEqualTo(Reply.refused(Result.err(pvspec.model.abi.Errno.EINVAL), Check.MMUEXT_NOT_OWNED));
        assertThat(a.hashCode()).isEqualTo(Reply.refused(Result.err(pvspec.model.abi.Errno.EINVAL), Check.MMUEXT_NOT_OWNED).hashCode());
        assertThat(a.checkId()).isEqualTo("mm.c:do_mmuext_op:get-page");
        assertThat(Reply.of(Result.OK).checkId()).isEqualTo("-");
        assertThat(a.toString()).isEqualTo("EINVAL [mm.c:do_mmuext_op:get-page]");
    }
}
