package pvspec.guests.kernel;

import java.util.List;

/**
 * What the toolstack hands a new PV kernel (Xen's {@code start_info}): its domain id, how many
 * vCPUs it has, and the machine frames it was given, in order (the p2m list).
 */
public record StartInfo(int domid, int vcpus, List<Long> frames) {
    public StartInfo {
        frames = List.copyOf(frames);
    }
}
