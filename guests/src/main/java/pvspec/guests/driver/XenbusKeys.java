package pvspec.guests.driver;

/** The store keys of one frontend/backend connection (after xenbus's {@code device/...} paths). */
final class XenbusKeys {
    private XenbusKeys() {}

    static String ringRef(int domid) { return "device/" + domid + "/ring-ref"; }
    static String eventChannel(int domid) { return "device/" + domid + "/event-channel"; }
    static String connected(int domid) { return "backend/" + domid + "/connected"; }
    static String frontendDone(int domid) { return "device/" + domid + "/closing"; }
    static String backendClosed(int domid) { return "backend/" + domid + "/closed"; }
}
