/**
 * The rules: what each request requires and what it changes. Start at
 * {@link pvspec.model.rules.Step#step}, the one entry point, then read the rules class of the
 * family you care about: its checks are made in Xen's order, each a named refusal of the registry
 * {@link pvspec.model.abi.check.Check} (id, result, Xen citation, sentence), and the first failing
 * check decides the result.
 *
 * <table>
 *   <caption>Where each hypercall's rules live</caption>
 *   <tr><th>request</th><th>rules</th></tr>
 *   <tr><td>{@code mmu_update}</td><td>{@link pvspec.model.rules.MmuUpdateRules}, entries through {@link pvspec.model.rules.EntryUpdates}</td></tr>
 *   <tr><td>{@code mmuext_op}</td><td>{@link pvspec.model.rules.MmuextOpRules}</td></tr>
 *   <tr><td>{@code update_va_mapping}, {@code update_va_mapping_otherdomain}</td><td>{@link pvspec.model.rules.UpdateVaMappingRules}; the foreign page owner of these and the two above in {@link pvspec.model.rules.PgOwner}</td></tr>
 *   <tr><td>{@code set_trap_table}, {@code set_callbacks}, {@code INT n}</td><td>{@link pvspec.model.rules.TrapRules}</td></tr>
 *   <tr><td>{@code event_channel_op}, {@code clear_evtchn}, {@code mask_evtchn}</td><td>{@link pvspec.model.rules.EventChannelRules}</td></tr>
 *   <tr><td>{@code grant_table_op}, {@code grant}, {@code end_access}</td><td>{@link pvspec.model.rules.GrantTableRules}</td></tr>
 *   <tr><td>{@code memory_op}</td><td>{@link pvspec.model.rules.MemoryOpRules}, {@code XENMEM_exchange} in {@link pvspec.model.rules.MemoryExchange}</td></tr>
 *   <tr><td>{@code domctl}</td><td>{@link pvspec.model.rules.DomctlRules}, teardown in {@link pvspec.model.rules.Domains}</td></tr>
 *   <tr><td>{@code sched_op}</td><td>{@link pvspec.model.rules.SchedOpRules}</td></tr>
 *   <tr><td>memory accesses</td><td>{@link pvspec.model.rules.AccessRules}, walks in {@link pvspec.model.rules.Walks}</td></tr>
 * </table>
 *
 * <p>The type discipline every page-table request goes through is written once, in
 * {@link pvspec.model.rules.PageTypes} (references, types, validation, linear tables); TLB
 * maintenance is in {@link pvspec.model.rules.Tlbs}, the free pool in
 * {@link pvspec.model.rules.Frames}, event delivery in {@link pvspec.model.rules.Events}.
 *
 * <h2>How atomicity is obtained</h2>
 * A rule that refuses throws its {@link pvspec.model.rules.Refusal}; since states are
 * immutable, the half-built next state is simply dropped, and {@code step} returns the state it
 * was given. Where Xen keeps work done before a refusal, so does the model: batches keep the
 * requests before the refused one, and {@code set_trap_table} keeps the entries before a refused
 * one ({@code pv/callback.c:do_set_trap_table}), and a {@code set_gdt} whose validation fails
 * keeps the descriptors Xen already stored fixed up ({@code validate_segdesc_page} writes in place),
 * and a {@code setup_table} whose frame list faults keeps the growth and the stores before the
 * fault ({@code grant_table.c:gnttab_setup_table}).
 *
 * <h2>Where pvspec departs from Xen</h2>
 * Only where the project's fidelity rule allows it (see {@code docs/xen-conformance.md}): a hypercall from guest user mode returns {@code EPERM}; where
 * Xen's outcome depends on hardware timing (a TLB entry it did not flush), the pessimistic one.
 * Beyond that the model is smaller than Xen (ABI v1: host grant mappings only, unmap by handle,
 * no PIRQs; the LDT is recorded but never mapped, since Xen maps it lazily on a segment load
 * and the model's guests load no segments: {@link pvspec.model.state.DescriptorTables}; for the same
 * reason {@code SEGBASE_GS_USER_SEL} records the selector Xen loads and a user %gs base of 0, where
 * Xen reads back the descriptor's 32-bit base: {@link SegmentRules}), hands out the lowest free domain id and maptrack
 * handle (DESIGN's determinism rule), has no I/O memory (its machine is RAM only) and does not
 * deliver event upcalls (the upcall mask is guest memory). Every check and state change, with
 * its Xen citation, and every difference kept, with its reason, is in
 * {@code docs/xen-conformance.md}.
 *
 * <p>Representation only, not observable: a frame's type reads NONE at type count 0 where Xen
 * keeps the old type bits (every type change from count 0 succeeds in both). A type change to a
 * page table drops the owner's writable translations of that frame, where Xen flushes the
 * owner's dirty CPUs filtered by the TLB clock: no writable one survives there, whether any
 * other does depends on timing, so the others stay (DESIGN's departure for hardware timing).
 * The M2P's contents are not kept: {@code MMU_MACHPHYS_UPDATE} is its checks (whose entries a
 * domain may write, XSA-113), since nothing in a PV-only model without guest memory reads them.
 * Guest buffers are values, except the one Xen writes through the guest's page tables:
 * {@code setup_table}'s frame list ({@link CopyToGuest}), whose stores fault or tag the frame they
 * land in; the frame numbers themselves are not kept (the grant frames are {@code Domain.grants}).
 * {@code XENMEM_exchange}'s lists are values (no EFAULT), its result 0 (the new frames are the
 * ones the domain owns), and a call does not reuse frames it freed itself.
 */
package pvspec.model.rules;
