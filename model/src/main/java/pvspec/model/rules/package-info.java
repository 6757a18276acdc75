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
 *   <li>(mm, issue 13) Atomicity is per element as Xen's: a refused {@code mmu_update} request or
 *       {@code mmuext_op} op changes nothing, the ones before it stay done, the XSA-286 flush of
 *       an earlier successful L2..L4 update stays; {@code update_va_mapping} with an unreadable
 *       vCPU mask fails with EFAULT after its write, as in Xen. See docs/xen-conformance.md.</li>
 *   <li>(representation, not observable) A frame's type reads NONE at type count 0 where Xen
 *       keeps the old type bits; every type change from count 0 succeeds in both. A type change
 *       to a page table drops exactly the translations of that frame (Xen flushes the owner's
 *       dirty CPUs filtered by the TLB clock: DESIGN's departure for hardware timing).</li>
 *   <li>A grant mapping keeps its L1 table validated (Xen injects a fault when such an L1 is
 *       devalidated and leaves an undestroyable grant).</li>
 *   <li>Trap and callback addresses must lie outside the hypervisor's slots; a ring-0 selector
 *       is raised to ring 3, as Xen does.</li>
 *   <li>{@code memory_op} returns an error code where Xen returns "0 done"; new domains start
 *       running; a pause is not counted.</li>
 *   <li>ABI v1 only: host grant mappings, no {@code MMUEXT_*_MULTI}, no LDT, no PIRQs, one
 *       named {@code AVAIL} bit (the other available bits as raw bits), no cache-attribute bits.</li>
 * </ul>

 */
package pvspec.model.rules;
