package pvspec.model.abi;

/**
 * {@code HYPERVISOR_update_descriptor}: write one 8-byte descriptor at byte {@code offset} of
 * frame {@code mfn} (Xen takes the guest address {@code mfn << 12 | offset}; a PV guest's
 * frame numbers are machine frames). The model's frames hold {@code entries} words, so an offset
 * beyond them names no slot of the model (Xen's page has 512).
 */
public record UpdateDescriptor(long mfn, long offset, long desc) implements Hypercall {
    @Override
    public String kind() {
        return "update_descriptor";
    }

    @Override
    public <R> R accept(Hypercall.Visitor<R> v) {
        return v.updateDescriptor(this);
    }
}
