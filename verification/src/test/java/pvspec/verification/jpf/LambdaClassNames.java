package pvspec.verification.jpf;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The class-file facts behind a JPF trap: JPF gives the object of a lambda the class name
 * {@code Outer$N}, N being the lambda's index in {@code Outer}'s {@code BootstrapMethods}
 * (jpf-core ClassLoaderInfo.getResolvedFuncObjType), which is also how javac names {@code Outer}'s
 * N-th anonymous class. Where both exist, JPF resolves one as the other and the run stops
 * ({@code NoSuchMethodException} for the anonymous class's constructor). Reads just enough of a
 * class file (JVMS 4.1, 4.4, 4.7.23) to list the bootstrap indices that make lambdas.
 */
final class LambdaClassNames {
    private LambdaClassNames() {}

    private static final String METAFACTORY = "java/lang/invoke/LambdaMetafactory";

    /** The indices of {@code BootstrapMethods} entries whose method is {@code LambdaMetafactory}'s. */
    static List<Integer> lambdaIndices(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tag = new int[count];
        int[] ref = new int[count]; // MethodHandle -> reference; Methodref -> class; Class -> name
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            tag[i] = in.readUnsignedByte();
            switch (tag[i]) {
                case 1 -> utf8[i] = in.readUTF();
                case 7, 8, 16, 19, 20 -> ref[i] = in.readUnsignedShort();
                case 15 -> { in.readUnsignedByte(); ref[i] = in.readUnsignedShort(); }
                case 9, 10, 11 -> { ref[i] = in.readUnsignedShort(); in.readUnsignedShort(); }
                case 12, 17, 18 -> in.readInt();
                case 3, 4 -> in.readInt();
                case 5, 6 -> { in.readLong(); i++; }
                default -> throw new IOException("constant pool tag " + tag[i]);
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        in.skipNBytes(2L * in.readUnsignedShort()); // interfaces
        for (int members = 0; members < 2; members++) { // fields, then methods
            int n = in.readUnsignedShort();
            for (int m = 0; m < n; m++) {
                in.skipNBytes(6);
                skipAttributes(in);
            }
        }
        List<Integer> lambdas = new ArrayList<>();
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            String name = utf8[in.readUnsignedShort()];
            int length = in.readInt();
            if (!"BootstrapMethods".equals(name)) {
                in.skipNBytes(length);
                continue;
            }
            int n = in.readUnsignedShort();
            for (int b = 0; b < n; b++) {
                int handle = in.readUnsignedShort();
                in.skipNBytes(2L * in.readUnsignedShort()); // arguments
                int owner = ref[ref[handle]]; // handle -> Methodref -> Class
                if (METAFACTORY.equals(utf8[ref[owner]])) lambdas.add(b);
            }
        }
        return lambdas;
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        for (int a = 0; a < n; a++) {
            in.readUnsignedShort();
            in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
        }
    }
}
