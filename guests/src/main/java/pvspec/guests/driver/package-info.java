/**
 * The split-driver model of PV I/O: a {@link pvspec.guests.driver.Frontend} in a domU grants a
 * ring frame and offers an event channel, a {@link pvspec.guests.driver.Backend} in dom0 maps and
 * binds them, they exchange requests and responses through the
 * {@link pvspec.guests.driver.SharedRing} with notifications, and tear down in Xen's order:
 * unmap and close, then end access. {@link pvspec.guests.driver.SplitDriver} is dom0's whole
 * program.
 */
package pvspec.guests.driver;
