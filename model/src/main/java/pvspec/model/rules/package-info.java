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
 *   <tr><td>{@code update_va_mapping}</td><td>{@link pvspec.model.rules.UpdateVaMappingRules}</td></tr>
 *   <tr><td>{@code set_trap_table}, {@code set_callbacks}, {@code INT n}</td><td>{@link pvspec.model.rules.TrapRules}</td></tr>
 *   <tr><td>{@code event_channel_op}, {@code clear_evtchn}, {@code mask_evtchn}</td><td>{@link pvspec.model.rules.EventChannelRules}</td></tr>
 *   <tr><td>{@code grant_table_op}, {@code grant}, {@code end_access}</td><td>{@link pvspec.model.rules.GrantTableRules}</td></tr>
 *   <tr><td>{@code memory_op}</td><td>{@link pvspec.model.rules.MemoryOpRules}</td></tr>
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
 * A rule that refuses throws the {@link pvspec.model.rules.Refusal} of its check; since states are
 * immutable, the half-built next state is simply dropped, and {@code step} returns the state it
 * was given. Batches keep the requests before the refused one.
 *
 * <h2>Where pvspec departs from Xen, on purpose</h2>
 * <ul>
 *   <li>Every refused request changes nothing (Xen leaves traces of failed work: a stale type,
 *       a half-installed trap table).</li>
 *   <li>A frame's type is NONE when its type count is 0; the hypervisor instead drops TLB
 *       entries of a frame whenever it becomes a page table, or is freed.</li>
 *   <li>A grant mapping keeps its L1 table validated (Xen injects a fault when such an L1 is
 *       devalidated and leaves an undestroyable grant).</li>
 *   <li>Trap and callback addresses must lie outside the hypervisor's slots; a ring-0 selector
 *       is raised to ring 3, as Xen does.</li>
 *   <li>{@code memory_op} returns an error code where Xen returns "0 done"; new domains start
 *       running; a pause is not counted.</li>
 *   <li>ABI v1 only: host grant mappings, no {@code MMUEXT_*_MULTI}, no LDT, no PIRQs, one
 *       {@code AVAIL} bit, no cache-attribute bits.</li>
 * </ul>

 */
package pvspec.model.rules;
