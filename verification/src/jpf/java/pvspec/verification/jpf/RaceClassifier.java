package pvspec.verification.jpf;

import gov.nasa.jpf.Config;
import gov.nasa.jpf.PropertyListenerAdapter;
import gov.nasa.jpf.search.Search;
import gov.nasa.jpf.vm.ChoiceGenerator;
import gov.nasa.jpf.vm.ElementInfo;
import gov.nasa.jpf.vm.FieldInfo;
import gov.nasa.jpf.vm.Instruction;
import gov.nasa.jpf.vm.ThreadInfo;
import gov.nasa.jpf.vm.VM;
import gov.nasa.jpf.vm.bytecode.ArrayElementInstruction;
import gov.nasa.jpf.vm.bytecode.FieldInstruction;
import gov.nasa.jpf.vm.bytecode.ReadOrWriteInstruction;
import gov.nasa.jpf.vm.choice.ThreadChoiceFromSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * A precise data-race detector (the algorithm of JPF's {@code PreciseRaceDetector}: at every
 * thread choice, two runnable threads whose next instructions access the same field or array
 * element, at least one writing, race — they can run in either order with no lock between them)
 * that sorts what it finds into two kinds:
 * <ul>
 *   <li><b>ownership reads</b> — a read of an element of the hypervisor's frame-owner array
 *       ({@code FrameTable.owner}) racing with a write of it. The hypervisor reads a frame's owner
 *       without that frame's lock to ask "is it mine?" (or "is it X's?" while holding X's lock),
 *       and {@code Txn.needFrame} reads it, locks the owner and reads again. The answer is stable:
 *       a frame becomes or stops being X's only under X's lock, which the reader holds (and that
 *       lock orders the write before the read); any other concurrent change is between owners
 *       that are not X, which gives the same answer. These are counted and listed, not failures.</li>
 *   <li>every other race: a property violation (the run fails with JPF's trace).</li>
 * </ul>
 * Accesses inside the JDK ({@code java.*}, {@code jdk.*}, {@code sun.*}) are left out, as
 * {@code PreciseRaceDetector} does by default: its lock and atomic classes race by design.
 */
public final class RaceClassifier extends PropertyListenerAdapter {
    /** Ownership-read races seen in the last run: "reader &lt;- writer" to occurrences. */
    static final Map<String, Integer> OWNERSHIP_READS = new TreeMap<>();

    /** The frame-owner array, whose racing reads are benign (see above). */
    static final String FRAME_OWNER = "pvspec.hypervisor.FrameTable.owner";

    private String race;

    public RaceClassifier(Config conf) {
        OWNERSHIP_READS.clear();
    }

    @Override
    public void choiceGeneratorSet(VM vm, ChoiceGenerator<?> cg) {
        if (race != null || !(cg instanceof ThreadChoiceFromSet)) return;
        ThreadInfo[] threads = ((ThreadChoiceFromSet) cg).getAllThreadChoices();
        for (int i = 0; i < threads.length && race == null; i++) {
            for (int j = i + 1; j < threads.length && race == null; j++) check(vm, threads[i], threads[j]);
        }
    }

    private void check(VM vm, ThreadInfo a, ThreadInfo b) {
        Instruction ia = a.getPC();
        Instruction ib = b.getPC();
        if (a == b || !inScope(ia) || !inScope(ib)) return;
        String what;
        boolean ownerArray = false;
        if (ia instanceof FieldInstruction && ib instanceof FieldInstruction) {
            FieldInstruction fa = (FieldInstruction) ia;
            FieldInstruction fb = (FieldInstruction) ib;
            FieldInfo fi = fa.getFieldInfo();
            if (fi == null || fi != fb.getFieldInfo() || fa.peekElementInfo(a) != fb.peekElementInfo(b)) return;
            what = fi.getFullName();
        } else if (ia instanceof ArrayElementInstruction && ib instanceof ArrayElementInstruction) {
            ArrayElementInstruction xa = (ArrayElementInstruction) ia;
            ArrayElementInstruction xb = (ArrayElementInstruction) ib;
            ElementInfo array = xa.peekArrayElementInfo(a);
            if (array == null || array != xb.peekArrayElementInfo(b) || xa.peekIndex(a) != xb.peekIndex(b)) return;
            String name = arrayName(vm, array);
            ownerArray = name.equals(FRAME_OWNER);
            what = name + "[" + xa.peekIndex(a) + "]";
        } else {
            return;
        }
        boolean readA = ((ReadOrWriteInstruction) ia).isRead();
        boolean readB = ((ReadOrWriteInstruction) ib).isRead();
        if (readA && readB) return;
        String pair = where(ia, readA) + " <- " + where(ib, readB);
        if (ownerArray && (readA || readB)) {
            OWNERSHIP_READS.merge(readA ? pair : where(ib, readB) + " <- " + where(ia, readA), 1, Integer::sum);
            return;
        }
        race = Verdict.RACE_TEXT + what + ":\n  " + a.getName() + " " + where(ia, readA) + "\n  " + b.getName() + " " + where(ib, readB);
    }

    private static boolean inScope(Instruction insn) {
        if (!(insn instanceof FieldInstruction) && !(insn instanceof ArrayElementInstruction)) return false;
        String cls = insn.getMethodInfo().getClassName();
        return !cls.startsWith("java.") && !cls.startsWith("javax.") && !cls.startsWith("jdk.") && !cls.startsWith("sun.");
    }

    private static String where(Instruction insn, boolean read) {
        return (read ? "read at " : "write at ") + insn.getMethodInfo().getClassName() + "." + insn.getMethodInfo().getName()
                + ":" + insn.getLineNumber();
    }

    /**
     * An array by the field that holds it ({@code pvspec.hypervisor.Dom.grantFlags}): the first
     * field of a live pvspec object that refers to it, so that a race's location can be named in
     * an expectation; JPF's own name for the array otherwise.
     */
    private static String arrayName(VM vm, ElementInfo array) {
        int ref = array.getObjectRef();
        for (ElementInfo ei : vm.getHeap().liveObjects()) {
            String cls = ei.getClassInfo().getName();
            if (!cls.startsWith("pvspec.") || ei.isArray()) continue;
            for (FieldInfo f : ei.getClassInfo().getInstanceFields()) {
                if (f.isReference() && ei.getReferenceField(f) == ref) return cls + "." + f.getName();
            }
        }
        return array.toString();
    }

    @Override
    public void executeInstruction(VM vm, ThreadInfo ti, Instruction insn) {
        if (race != null) ti.breakTransition("dataRace"); // report it as soon as possible
    }

    @Override
    public boolean check(Search search, VM vm) {
        return race == null;
    }

    @Override
    public String getErrorMessage() {
        return race;
    }

    @Override
    public void reset() {
        race = null;
    }

    @Override
    public void searchFinished(Search search) {
        if (OWNERSHIP_READS.isEmpty()) return;
        int n = 0;
        for (int c : OWNERSHIP_READS.values()) n += c;
        System.out.println("ownership reads racing with owner changes (benign, see RaceClassifier): " + OWNERSHIP_READS.size()
                + " distinct, " + n + " occurrences");
        for (Map.Entry<String, Integer> e : OWNERSHIP_READS.entrySet()) System.out.println("  " + e.getValue() + "x  " + e.getKey());
    }
}
