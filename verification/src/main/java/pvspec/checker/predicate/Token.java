package pvspec.checker.predicate;

/**
 * One token of a predicate: a word ({@code owner}, {@code dom0}, {@code and}), a number (ASCII
 * digits, with dots for a virtual address: {@code 1.2}), punctuation or a comparison operator,
 * or the end of the text.
 */
record Token(Kind kind, String text, int column) {
    enum Kind { WORD, NUMBER, LEFT, RIGHT, COMMA, OPERATOR, END }

    boolean is(Kind k, String t) {
        return kind == k && text.equals(t);
    }

    boolean isWord(String w) {
        return is(Kind.WORD, w);
    }

    String describe() {
        return kind == Kind.END ? "the end of the predicate" : "'" + text + "'";
    }
}
