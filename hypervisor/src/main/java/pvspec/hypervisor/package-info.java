/**
 * The executable hypervisor: a mutable, concurrent, Xen-like implementation of ABI v1, checked
 * against the model through {@link pvspec.hypervisor.Hypervisor#abstractState()}.
 *
 * <h2>State</h2>
 * The frame table is Xen's {@code page_info} array packed in primitive arrays
 * ({@code FrameTable}): per frame a {@code count_info} word (general count, {@code PGC_allocated})
 * and a {@code type_info} word (type, type count, {@code PGT_pinned}) in {@code AtomicLongArray}s,
 * the owner, {@code linear_pt_count} and a data tag in {@code int[]}s, a word of TLB holders, and
 * the contents, allocated on the first non-zero write. Domains ({@code Dom}) hold their vCPUs
 * (base pointer, flags, TLB, last trap), virtual IDT, event-channel ports (one packed long each),
 * grant table with Xen's active counts, and maptrack, all in arrays.
 *
 * <h2>Atomicity</h2>
 * Every store goes through the hypercall's undo journal ({@code Txn}, {@code Journal}). A check
 * that fails throws a constant {@code Refused}; the handler where the request (or batch entry)
 * began rolls the journal back to its mark. So a refusal found deep inside a recursive
 * validation undoes every reference taken on the way, and Xen's check order is kept exactly:
 * the first failing check decides the result. Frames freed by a hypercall reach the heap only
 * when it commits, so nothing else can allocate a frame that a rollback would take back.
 *
 * <h2>Locking</h2>
 * There is no global lock on the hypercall path. Each domain slot (domain id) has a
 * {@code ReentrantLock}; it guards everything of that domain <em>and every frame it owns</em>
 * (counts, type, contents, data tag, linear count). Free frames are guarded by the heap lock.
 * A hypercall holds its locks until it has committed or rolled back (two-phase locking), so
 * concurrent hypercalls are serialisable: the result is always that of some sequential order,
 * which is what the model specifies. An ownership check ("is this frame X's?") reads the owner
 * before holding that frame's lock: the answer is stable, because a frame becomes or stops being
 * X's only under X's lock, which the checker holds.
 *
 * <p><b>Lock order:</b> domain slot locks in ascending domain id, then {@code domlist} (Xen's
 * {@code domlist_update_lock}: domain ids come and go only under it and the slot lock), then
 * the heap lock. A hypercall starts with the locks its arguments name, in ascending order
 * ({@code LockPlan}; usually just the caller's). When it finds it needs another domain's lock —
 * the owner of a frame whose last reference it drops, the peer of an event channel, a granter,
 * a vCPU caching a translation to a frame being retyped — it waits for it only if that keeps
 * the order (a higher id than any held, no leaf lock held); otherwise it only tries it, and if
 * the lock is busy it rolls back, releases everything and starts again with the larger set.
 * Sets only grow, so a hypercall retries at most once per domain; waits are always upwards, so
 * there is no deadlock.
 *
 * <p><b>CAS discipline:</b> {@code count_info} and {@code type_info} change only by
 * compare-and-swap loops in the shape of Xen's {@code get_page}/{@code get_page_type}
 * ({@code PageRefs}): read the word, check the precondition (not free, owner, type), swap in
 * the successor. They run under the owner's lock, so the swap succeeds first time; the loops
 * keep each transition one indivisible word update. The one word shared between locks is a
 * frame's set of TLB holders (a bit per domain, each bit guarded by its own domain's lock): it
 * is updated only by CAS bit-set and bit-clear, and a rollback undoes a clear by setting the bit
 * again rather than by restoring the old word, so no other domain's bit is ever lost.
 *
 * <h2>Checks and seeded bugs</h2>
 * Every security check is a method of {@link pvspec.hypervisor.Checks}, given at construction.
 * A seeded-bug variant overrides one method; the hypercall paths carry no flags.
 *
 * <h2>Java PathFinder</h2>
 * The hypercall paths use only {@code ReentrantLock}, {@code AtomicLongArray}, plain arrays and
 * {@code ArrayList}; no {@code VarHandle}s, streams, lambdas, or compiler-generated record
 * {@code equals}/{@code hashCode}/{@code toString} calls. ({@code abstractState} builds model
 * records and persistent collections: call it outside the explored interleavings.)
 */
package pvspec.hypervisor;
