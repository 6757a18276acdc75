package pvspec.checker;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import pvspec.model.abi.Access;
import pvspec.model.abi.Hypercall;
import pvspec.model.abi.MmuextOp;
import pvspec.checker.config.Kinds;

/** {@link Kinds#ALL} is exactly the request kinds of the ABI's sealed hierarchy, so coverage cannot miss a new one. */
class KindsTest {

    @Test
    void everyRequestOfTheAbiHasAKindInTheCatalogueAndEveryKindIsARequest() throws Exception {
        Set<String> produced = new TreeSet<>();
        for (Hypercall h : oneOfEach()) produced.add(Kinds.of(h));
        assertThat(produced).containsExactlyInAnyOrderElementsOf(Kinds.ALL);
    }

    @Test
    void aBatchOfSeveralCommandsIsAKindOfItsOwn() {
        Hypercall h = MmuextOp.of(new MmuextOp.Pin(2, 1), new MmuextOp.NewBaseptr(1));
        assertThat(Kinds.of(h)).isEqualTo("mmuext_op pin_l2_table;new_baseptr");
    }

    /** One instance of every record class below {@link Hypercall} (and of every mmuext command), with zero arguments. */
    static List<Hypercall> oneOfEach() throws Exception {
        List<Hypercall> out = new ArrayList<>();
        for (Class<?> k : leaves(Hypercall.class)) {
            if (k == MmuextOp.class) {
                for (Class<?> op : leaves(MmuextOp.Op.class)) {
                    if (op == MmuextOp.Pin.class) {
                        for (int level = 1; level <= 4; level++) out.add(MmuextOp.of(new MmuextOp.Pin(level, 0)));
                    } else {
                        out.add(MmuextOp.of((MmuextOp.Op) zero(op)));
                    }
                }
            } else if (k == pvspec.model.abi.EventChannelOp.Reset.class) {
                out.add(new pvspec.model.abi.EventChannelOp.Reset(0, false));
                out.add(new pvspec.model.abi.EventChannelOp.Reset(0, true));
            } else if (k == pvspec.model.abi.UpdateVaMapping.class) {
                // One record, two hypercalls: update_va_mapping and update_va_mapping_otherdomain.
                out.add(new pvspec.model.abi.UpdateVaMapping(0, 0, 0));
                out.add(pvspec.model.abi.UpdateVaMapping.otherdomain(0, 0, 0, 0));
            } else if (k == Access.class) {
                out.add(Access.read(0));
                out.add(Access.write(0));
            } else {
                out.add((Hypercall) zero(k));
            }
        }
        return out;
    }

    private static List<Class<?>> leaves(Class<?> k) {
        List<Class<?>> out = new ArrayList<>();
        if (k.isRecord()) {
            out.add(k);
        } else if (k.isSealed()) {
            for (Class<?> p : k.getPermittedSubclasses()) out.addAll(leaves(p));
        }
        return out;
    }

    private static Object zero(Class<?> record) throws Exception {
        RecordComponent[] cs = record.getRecordComponents();
        Class<?>[] types = new Class<?>[cs.length];
        Object[] args = new Object[cs.length];
        for (int i = 0; i < cs.length; i++) {
            types[i] = cs[i].getType();
            args[i] = types[i] == int.class ? (Object) 0 : types[i] == long.class ? (Object) 0L : types[i] == boolean.class ? (Object) false
                    : types[i] == List.class ? List.of() : null;
        }
        Constructor<?> ctor = record.getDeclaredConstructor(types);
        return ctor.newInstance(args);
    }
}
