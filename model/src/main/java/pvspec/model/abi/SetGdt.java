package pvspec.model.abi;

import java.util.List;

/**
 * {@code HYPERVISOR_set_gdt}: the calling vCPU's GDT is {@code entries} descriptors in the
 * given frames, 512 a frame ({@code do_set_gdt}). {@code entries} is the C {@code unsigned int}:
 * the model reads its low 32 bits as unsigned. Xen copies {@code DIV_ROUND_UP(entries, 512)}
 * frame numbers from the guest's list; a shorter list stands for a buffer Xen cannot read.
 */
public record SetGdt(List<Long> frames, long entries) implements Hypercall {
    public SetGdt {
        frames = List.copyOf(frames);
    }

    @Override
    public String kind() {
        return "set_gdt";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.setGdt(this);
    }
}
