package pvspec.checker.reduction;

/** Collects the {@link Footprint} of one step as the tracking collections report accesses. */
final class Tracker {
    long readFrames;
    long writeFrames;
    long readDoms;
    long writeDoms;

    void readFrame(long m) { readFrames |= Footprint.bit(m); }
    void writeFrame(long m) { writeFrames |= Footprint.bit(m); }
    void readAllFrames() { readFrames = -1L; }
    void writeAllFrames() { writeFrames = -1L; }
    void readDom(Object id) { readDoms |= id instanceof Integer ? Footprint.bit((Integer) id) : -1L; }
    void writeDom(Object id) { writeDoms |= id instanceof Integer ? Footprint.bit((Integer) id) : -1L; }
    void readAllDoms() { readDoms = -1L; }
    void writeAllDoms() { writeDoms = -1L; }

    Footprint footprint() {
        return new Footprint(readFrames, writeFrames, readDoms, writeDoms);
    }
}
