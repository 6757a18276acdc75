/**
 * What a run checks and how: the room every other room reads and none writes. A
 * {@link pvspec.checker.config.CheckConfig} (parsed from a check file by
 * {@link pvspec.checker.config.CheckConfigParser}) is a scenario, a
 * {@link pvspec.checker.config.RequestSpace} (templates over
 * {@link pvspec.checker.config.ArgumentDomains}, each {@link pvspec.checker.config.Request} of a
 * {@link pvspec.checker.config.Kinds kind}) and the run's own
 * {@link pvspec.checker.config.CheckProperties}; {@link pvspec.checker.config.Options} says how to
 * run it: threads, bounds, which {@link pvspec.checker.config.Symmetry} reductions to try, the
 * {@link pvspec.checker.config.StepFunction} explored and, in conformance mode, the
 * {@link pvspec.checker.config.Implementation} compared with it. Depends on no other room.
 */
package pvspec.checker.config;
