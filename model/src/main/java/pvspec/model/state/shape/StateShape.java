package pvspec.model.state.shape;

import static pvspec.model.state.shape.Shapes.bool;
import static pvspec.model.state.shape.Shapes.enumeration;
import static pvspec.model.state.shape.Shapes.grantRef;
import static pvspec.model.state.shape.Shapes.intMap;
import static pvspec.model.state.shape.Shapes.integer;
import static pvspec.model.state.shape.Shapes.longInteger;
import static pvspec.model.state.shape.Shapes.longMap;
import static pvspec.model.state.shape.Shapes.longs;
import static pvspec.model.state.shape.Shapes.optional;
import static pvspec.model.state.shape.Shapes.record;
import static pvspec.model.state.shape.Shapes.sum;
import static pvspec.model.state.shape.Shapes.value;
import static pvspec.model.state.shape.Shapes.vector;
import static pvspec.model.state.shape.Shapes.words;

import java.util.List;
import pvspec.model.abi.Mode;
import pvspec.model.abi.TrapInfo;
import pvspec.model.state.Callbacks;
import pvspec.model.state.DescriptorTables;
import pvspec.model.state.Domain;
import pvspec.model.state.Relinquish;
import pvspec.model.state.Frame;
import pvspec.model.state.GrantEntry;
import pvspec.model.state.Lifecycle;
import pvspec.model.state.Maptrack;
import pvspec.model.state.PageType;
import pvspec.model.state.Port;
import pvspec.model.state.PortState;
import pvspec.model.state.Segments;
import pvspec.model.state.State;
import pvspec.model.state.TlbEntry;
import pvspec.model.state.TrapBounce;
import pvspec.model.state.Vcpu;

/**
 * The description of the model's state: for each record, its components in order, what each
 * holds (and, for numbers, what they name: a domain, a frame, a grant reference...), and its
 * constructor. The checker's encoding and symmetry renaming, the JPF digest and canonical
 * layout and {@link pvspec.model.state.StateDiff} all walk the state through it, so a new state
 * field is added to its record and here (and {@code StateShapeTest} fails until it is).
 */
public final class StateShape {
    private StateShape() {}

    public static final RecordShape<TrapInfo> TRAP_INFO = record(TrapInfo.class,
            a -> new TrapInfo(a.i(0), a.i(1), a.i(2), a.l(3)),
            integer("vector", TrapInfo::vector),
            integer("dpl", TrapInfo::dpl),
            integer("cs", TrapInfo::cs),
            longInteger("address", TrapInfo::address));

    public static final RecordShape<TrapBounce> TRAP_BOUNCE = record(TrapBounce.class,
            a -> new TrapBounce(a.i(0), a.b(1), a.o(2), a.o(3)),
            integer("vector", TrapBounce::vector),
            bool("software", TrapBounce::software),
            enumeration("mode", Mode.class, TrapBounce::mode),
            value("handler", TRAP_INFO, TrapBounce::handler));

    public static final RecordShape<TlbEntry> TLB_ENTRY = record(TlbEntry.class,
            a -> new TlbEntry(a.l(0), a.b(1)),
            longInteger("mfn", Name.MFN, TlbEntry::mfn),
            bool("writable", TlbEntry::writable));

    public static final RecordShape<Callbacks> CALLBACKS = record(Callbacks.class,
            a -> new Callbacks(a.l(0), a.l(1), a.l(2), a.l(3), a.l(4), a.i(5)),
            longInteger("event", Callbacks::event),
            longInteger("failsafe", Callbacks::failsafe),
            longInteger("syscall", Callbacks::syscall),
            longInteger("syscall32", Callbacks::syscall32),
            longInteger("sysenter", Callbacks::sysenter),
            integer("masks", Callbacks::masks));

    public static final RecordShape<DescriptorTables> DESCRIPTOR_TABLES = record(DescriptorTables.class,
            a -> new DescriptorTables(a.o(0), a.i(1), a.l(2), a.i(3)),
            value("gdtFrames", vector(longs(Name.MFN), Name.PLAIN), DescriptorTables::gdtFrames),
            integer("gdtEntries", DescriptorTables::gdtEntries),
            longInteger("ldtBase", DescriptorTables::ldtBase),
            integer("ldtEntries", DescriptorTables::ldtEntries));

    public static final RecordShape<Segments> SEGMENTS = record(Segments.class,
            a -> new Segments(a.l(0), a.l(1), a.l(2), a.l(3), a.l(4), a.l(5)),
            longInteger("kernelSs", Segments::kernelSs),
            longInteger("kernelSp", Segments::kernelSp),
            longInteger("fsBase", Segments::fsBase),
            longInteger("gsBaseKernel", Segments::gsBaseKernel),
            longInteger("gsBaseUser", Segments::gsBaseUser),
            longInteger("gsUserSel", Segments::gsUserSel));

    public static final RecordShape<Vcpu> VCPU = record(Vcpu.class,
            a -> new Vcpu(a.l(0), a.b(1), a.b(2), a.o(3), a.o(4), a.l(5), a.b(6), a.o(7), a.o(8), a.o(9), a.l(10), a.o(11)),
            longInteger("baseptr", Name.MFN, Vcpu::baseptr),
            bool("blocked", Vcpu::blocked),
            bool("upcallPending", Vcpu::upcallPending),
            value("tlb", longMap(TLB_ENTRY), Vcpu::tlb),
            value("lastTrap", optional(TRAP_BOUNCE), Vcpu::lastTrap),
            longInteger("userBaseptr", Name.MFN, Vcpu::userBaseptr),
            bool("userMode", Vcpu::userMode),
            value("traps", intMap(Name.PLAIN, TRAP_INFO), Vcpu::traps),
            value("callbacks", CALLBACKS, Vcpu::callbacks),
            value("descriptors", DESCRIPTOR_TABLES, Vcpu::descriptors),
            longInteger("oldGuestTable", Name.MFN, Vcpu::oldGuestTable),
            value("segments", SEGMENTS, Vcpu::segments)).shared();

    public static final SumShape<PortState> PORT_STATE = sum(PortState.class,
            record(PortState.Free.class, a -> PortState.FREE),
            record(PortState.Reserved.class, a -> PortState.RESERVED),
            record(PortState.Unbound.class, a -> new PortState.Unbound(a.i(0)),
                    integer("remoteDom", Name.DOMID, PortState.Unbound::remoteDom)),
            record(PortState.Interdomain.class, a -> new PortState.Interdomain(a.i(0), a.i(1)),
                    integer("remoteDom", Name.DOMID, PortState.Interdomain::remoteDom),
                    integer("remotePort", Name.PORT, PortState.Interdomain::remotePort)),
            record(PortState.Virq.class, a -> new PortState.Virq(a.i(0)),
                    integer("virq", PortState.Virq::virq)),
            record(PortState.Ipi.class, a -> PortState.IPI));

    public static final RecordShape<Port> PORT = record(Port.class,
            a -> new Port(a.o(0), a.b(1), a.b(2), a.i(3)),
            value("state", PORT_STATE, Port::state),
            bool("pending", Port::pending),
            bool("masked", Port::masked),
            integer("notifyVcpu", Name.VCPU, Port::notifyVcpu)).shared();

    public static final RecordShape<GrantEntry> GRANT_ENTRY = record(GrantEntry.class,
            a -> new GrantEntry(a.i(0), a.i(1), a.l(2)),
            integer("flags", GrantEntry::flags),
            integer("domid", Name.DOMID, GrantEntry::domid),
            longInteger("frame", Name.MFN, GrantEntry::frame));

    public static final RecordShape<Maptrack> MAPTRACK = record(Maptrack.class,
            a -> new Maptrack(a.i(0), a.i(1), a.l(2), a.i(3)),
            integer("dom", Name.DOMID, Maptrack::dom),
            grantRef("ref", Maptrack::ref, Maptrack::dom),
            longInteger("frame", Name.MFN, Maptrack::frame),
            integer("flags", Maptrack::flags));

    public static final RecordShape<Domain> DOMAIN = record(Domain.class,
            a -> new Domain(a.i(0), a.b(1), a.o(2), a.i(3), a.l(4), a.o(5), a.o(6), a.o(7), a.o(8), a.l(9), a.o(10), a.i(11), a.i(12)),
            integer("id", Name.DOMID, Domain::id),
            bool("privileged", Domain::privileged),
            enumeration("life", Lifecycle.class, Domain::life),
            integer("pauseCount", Domain::pauseCount),
            longInteger("maxPages", Domain::maxPages),
            value("vcpus", vector(VCPU, Name.VCPU), Domain::vcpus),
            value("ports", vector(PORT, Name.PORT), Domain::ports),
            value("grants", vector(GRANT_ENTRY, Name.GRANT_REF), Domain::grants, Domain::id),
            value("maptrack", intMap(Name.PLAIN, MAPTRACK), Domain::maptrack),
            longInteger("vmAssist", Domain::vmAssist),
            enumeration("relinquish", Relinquish.class, Domain::relinquish),
            // A position in the page list, which is in mfn order: never renamed (the domU symmetry
            // is off wherever destroydomain can run).
            integer("relinquishNext", Domain::relinquishNext),
            integer("grantVersion", Domain::grantVersion)).shared();

    public static final RecordShape<Frame> FRAME = record(Frame.class,
            a -> new Frame(a.i(0), a.o(1), a.i(2), a.i(3), a.b(4), a.b(5), a.i(6), a.i(7), a.o(8), a.b(9), a.i(10), a.b(11)),
            integer("owner", Name.DOMID, Frame::owner),
            enumeration("type", PageType.class, Frame::type),
            integer("typeCount", Frame::typeCount),
            integer("count", Frame::count),
            bool("pinned", Frame::pinned),
            bool("allocated", Frame::allocated),
            integer("linearCount", Frame::linearCount),
            integer("dataTag", Name.DOMID, Frame::dataTag),
            value("contents", words(Name.PTE), Frame::contents),
            bool("partial", Frame::partial),
            integer("nrValidated", Frame::nrValidated),
            bool("partialSet", Frame::partialSet)).shared();

    public static final RecordShape<State> STATE = record(State.class,
            a -> new State(a.o(0), a.o(1), a.o(2)),
            value("config", Shapes.config(), State::config),
            value("frames", vector(FRAME, Name.MFN, "frame "), State::frames),
            value("domains", intMap(Name.DOMID, DOMAIN, "d"), State::domains));

    /** Every record described above, the state last. */
    public static final List<RecordShape<?>> RECORDS = List.of(TRAP_INFO, TRAP_BOUNCE, TLB_ENTRY, CALLBACKS,
            DESCRIPTOR_TABLES, SEGMENTS, VCPU, PORT, GRANT_ENTRY, MAPTRACK, DOMAIN, FRAME, STATE);

    /** Writes a whole state. */
    public static void write(State s, Sink out) {
        STATE.write(s, out, -1);
    }

    /** Rebuilds a whole state. */
    public static State rebuild(State s, Rebuilder rb) {
        return STATE.rebuild(s, rb, -1);
    }
}
