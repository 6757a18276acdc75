package pvspec.guests.attack;

/**
 * What the catalogue says about an attack, for {@code pvspec attack}'s table.
 *
 * @param name a short name
 * @param xsa the Xen Security Advisory of the bug class ({@code XSA-182}), or {@code -} where none exists
 * @param bugClass the class of bug it reproduces
 * @param description what the malicious guest does, in one line
 * @param expected the refusal the hypervisor must give, in words
 */
public record AttackInfo(String name, String xsa, String bugClass, String description, String expected) {}
