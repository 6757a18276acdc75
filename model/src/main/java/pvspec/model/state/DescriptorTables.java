package pvspec.model.state;

import org.pcollections.PVector;
import org.pcollections.TreePVector;

/**
 * A vCPU's descriptor tables ({@code struct pv_vcpu}: {@code gdt_frames}, {@code gdt_ents},
 * {@code ldt_base}, {@code ldt_ents}). Each GDT frame holds a general and a
 * {@code PGT_seg_desc_page} type reference ({@code pv_set_gdt}).
 *
 * <p>The LDT is recorded, never mapped: Xen maps an LDT page lazily, on the page fault of a
 * segment load through an LDT selector ({@code pv_map_ldt_shadow_page}), and the model's guests
 * load no segments; so no LDT mapping holds a reference, and {@code pv_destroy_ldt} has nothing
 * to drop.
 *
 * @param gdtFrames the GDT's frames, in order ({@code DIV_ROUND_UP(gdtEntries, 512)} of them)
 * @param gdtEntries its number of descriptors
 * @param ldtBase the LDT's linear address, 0 when {@code ldtEntries} is 0
 * @param ldtEntries its number of descriptors
 */
public record DescriptorTables(PVector<Long> gdtFrames, int gdtEntries, long ldtBase, int ldtEntries) {
    public static final DescriptorTables NONE = new DescriptorTables(TreePVector.empty(), 0, 0, 0);

    public DescriptorTables withGdt(PVector<Long> frames, int entries) {
        return new DescriptorTables(frames, entries, ldtBase, ldtEntries);
    }

    public DescriptorTables withLdt(long base, int entries) {
        return new DescriptorTables(gdtFrames, gdtEntries, base, entries);
    }
}
