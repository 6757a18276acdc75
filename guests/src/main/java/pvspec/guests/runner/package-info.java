/**
 * Running guest vCPUs: {@link pvspec.guests.runner.Runner} interleaves sequential
 * {@link pvspec.guests.runner.VcpuProgram}s at their hypercalls, either deterministically
 * (seeded round robin, by passing a baton between vCPU threads) or on free-running threads, and
 * records every request with its result as a trace. Programs start other vCPUs with
 * {@link pvspec.guests.runner.VcpuContext#spawn} and find each other through the
 * {@link pvspec.guests.runner.XenStore}.
 */
package pvspec.guests.runner;
