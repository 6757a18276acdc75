package pvspec.guests.attack;

/**
 * The set-up the grant attacks share: a granter and a grantee, each with an address space; the
 * grantee has a spare page to map grants at.
 */
record GrantedGuests(Guest granter, Guest grantee) {
    static GrantedGuests setUp(AttackScript s) {
        return new GrantedGuests(s.guest(6, 0), s.guest(5, 1));
    }

    /** The granter's frame the attacks grant. */
    long frame() {
        return granter.data(0);
    }
}
