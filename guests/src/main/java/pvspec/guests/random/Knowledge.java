package pvspec.guests.random;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import pvspec.guests.kernel.Layout;

/**
 * What a random guest knows about itself, learnt only from the results of its own requests
 * (never from the machine's state): its address space's layout, the frames it was given since,
 * what it pinned, what its spare pages map, its ports, its grants and its grant mappings.
 * Ordered collections only, so that choices drawn from it are deterministic.
 */
public final class Knowledge {
    final int domid;
    final int vcpus;
    final Layout layout;
    /** Frames populated after boot: not mapped, not typed unless pinned. */
    final List<Long> extra = new ArrayList<>();
    /** Extra frames pinned, with their level. */
    final Map<Long, Integer> pinned = new TreeMap<>();
    /** What each spare page's L1 entry holds now (absent: empty), by spare index. */
    final Map<Integer, Long> spareMaps = new TreeMap<>();
    /** Ports by number, with what they are bound to ({@code unbound}, {@code interdomain}, {@code virq}, {@code ipi}). */
    final Map<Integer, String> ports = new TreeMap<>();
    /** Grant references it offered, with the frame. */
    final Map<Integer, Long> grants = new TreeMap<>();
    /** Grant mappings it holds: handle to the spare index mapped. */
    final Map<Integer, Integer> handles = new TreeMap<>();

    Knowledge(int domid, int vcpus, Layout layout) {
        this.domid = domid;
        this.vcpus = vcpus;
        this.layout = layout;
    }

    public int domid() {
        return domid;
    }

    public Layout layout() {
        return layout;
    }

    public List<Long> extraFrames() {
        return List.copyOf(extra);
    }

    public Map<Integer, String> ports() {
        return Map.copyOf(ports);
    }

    public Map<Integer, Integer> grantMappings() {
        return Map.copyOf(handles);
    }

    /** Every frame it owns as far as it knows: the layout's and the extra ones. */
    List<Long> ownFrames() {
        List<Long> all = new ArrayList<>(layout.frames());
        all.addAll(extra);
        return all;
    }

    /** Every virtual page it knows something about: its frames' and its spare pages. */
    List<Long> knownVas() {
        List<Long> vas = new ArrayList<>();
        for (long f : layout.frames()) vas.add(layout.vaOf(f));
        for (int i = 0; i < layout.spare(); i++) vas.add(layout.spareVa(i));
        return vas;
    }
}
