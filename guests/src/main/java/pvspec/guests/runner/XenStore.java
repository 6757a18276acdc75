package pvspec.guests.runner;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The toolstack's key-value store through which domains find each other (Xen's xenstore): a
 * frontend publishes its grant reference and port, the backend reads them. Outside the ABI, so
 * it is plain shared memory here; programs wait for a key with {@link VcpuContext#await}.
 */
public final class XenStore {
    private final Map<String, Long> values = new ConcurrentHashMap<>();

    public void write(String key, long value) {
        values.put(key, value);
    }

    public OptionalLong read(String key) {
        Long v = values.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public void remove(String key) {
        values.remove(key);
    }
}
