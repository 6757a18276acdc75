package pvspec.guests.driver;

import java.util.ArrayDeque;
import java.util.Deque;
import pvspec.guests.hypercall.Calls;
import pvspec.guests.hypercall.HypercallPage;

/**
 * The contents of the shared ring frame (Xen's {@code DEFINE_RING_TYPES}: requests one way,
 * responses the other). The model tracks who may touch a frame, not the bytes in it, so the
 * ring's contents live here; every produce and consume is first a memory access to the
 * frame through the caller's own mapping, and fails with the access.
 */
public final class SharedRing {
    private final Deque<Integer> requests = new ArrayDeque<>();
    private final Deque<Integer> responses = new ArrayDeque<>();

    /** Frontend: write request {@code id} into the ring at {@code va}. */
    public void pushRequest(HypercallPage hp, long va, int id) {
        hp.ok(Calls.write(va));
        synchronized (this) {
            requests.addLast(id);
        }
    }

    /** Backend: read the oldest request. */
    public int popRequest(HypercallPage hp, long va) {
        hp.ok(Calls.read(va));
        synchronized (this) {
            return requests.removeFirst();
        }
    }

    /** Backend: write the response to request {@code id}. */
    public void pushResponse(HypercallPage hp, long va, int id) {
        hp.ok(Calls.write(va));
        synchronized (this) {
            responses.addLast(id);
        }
    }

    /** Frontend: read the oldest response. */
    public int popResponse(HypercallPage hp, long va) {
        hp.ok(Calls.read(va));
        synchronized (this) {
            return responses.removeFirst();
        }
    }

    public synchronized boolean hasRequest() {
        return !requests.isEmpty();
    }

    public synchronized boolean hasResponse() {
        return !responses.isEmpty();
    }
}
