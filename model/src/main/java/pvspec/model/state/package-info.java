/**
 * The state of the machine: the frame table (Xen's page database), the domains with their vCPUs
 * (each with its virtual IDT, callbacks, GDT and LDT), event-channel ports, grant tables and grant
 * mappings.
 *
 * <h2>The type discipline (as in Xen's {@code arch/x86/mm.c})</h2>
 * A frame is free, or owned by one domain (or by the hypervisor). Its <em>general count</em>
 * counts every use: its allocation, each page-table entry that maps it, each pin, each vCPU that
 * runs on it or holds it in its GDT, each grant mapping of it. It returns to the free pool, scrubbed, exactly when that
 * count reaches 0.
 *
 * <p>Its <em>type</em> says what it is used as: an L1..L4 page table, a descriptor (GDT/LDT) page,
 * or writably mapped — never two at once. The <em>type count</em> counts the uses of the current type, and the type may
 * change only when it is 0. A frame gains a page-table type only after its contents pass
 * validation (every present entry is allowed and takes the references it needs), and loses it
 * when the last type reference goes, which drops the references its entries held; a descriptor
 * page likewise only after every descriptor passes {@code check_descriptor}. Because a writable
 * mapping needs the writable type and a page table or descriptor page needs its own, neither is
 * ever writable by a guest.
 */
package pvspec.model.state;
