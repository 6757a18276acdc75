package pvspec.checker.config;

import pvspec.checker.predicate.Predicate;

/**
 * A predicate of a check file, as written: {@code #! invariant NAME: PREDICATE},
 * {@code #! constraint PREDICATE} (named {@code constraint@LINE}) or {@code #! reach NAME: PREDICATE}.
 *
 * @param name its name
 * @param text the predicate's text
 * @param line the line of its directive
 * @param predicate the parsed predicate
 */
public record NamedPredicate(String name, String text, int line, Predicate predicate) {}
