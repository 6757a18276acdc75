package pvspec.guests.attack;

import pvspec.model.state.Config;

/**
 * A malicious guest: it sets up what it needs with ordinary, successful requests, then makes
 * the attack requests, each with the result the hypervisor must give, and states what must
 * still hold afterwards. {@link AttackRunner} runs it, records its trace and checks it.
 */
public interface Attack {

    AttackInfo info();

    /** The machine it runs on. */
    default Config config() {
        return Config.small();
    }

    /** Set up, attack ({@link AttackScript#attempt}) and state post-conditions ({@link AttackScript#postcondition}). */
    void run(AttackScript script);
}
