/**
 * A well-behaved PV guest kernel and dom0's toolstack.
 *
 * <p>{@link pvspec.guests.kernel.Toolstack} creates a domain and populates it;
 * {@link pvspec.guests.kernel.Layout} decides which of its frames become which tables and which
 * page maps which frame; {@link pvspec.guests.kernel.PageTables} builds the address space
 * bottom-up, pins the top level and loads it; {@link pvspec.guests.kernel.Kernel} adds the trap
 * table, callbacks, per-vCPU timer VIRQs and IPIs and touches memory;
 * {@link pvspec.guests.kernel.PvKernel} and {@link pvspec.guests.kernel.BootGuest} are the
 * complete programs of the guest's boot vCPU and of dom0.
 */
package pvspec.guests.kernel;
