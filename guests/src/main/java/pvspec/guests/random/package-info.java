/**
 * Seeded random guests for the property suites: {@link pvspec.guests.random.RandomGuest} draws
 * mostly valid requests from what it has learnt from its own results
 * ({@link pvspec.guests.random.Knowledge}) and its peers' offers
 * ({@link pvspec.guests.random.RandomWorld}), and sometimes a hostile one; the same seed and the
 * same results give the same requests. {@link pvspec.guests.random.RandomWorkload} sets up
 * several guests and runs them on any {@link pvspec.guests.hypercall.Hypercalls}.
 */
package pvspec.guests.random;
