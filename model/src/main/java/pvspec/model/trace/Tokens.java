package pvspec.model.trace;

import java.util.ArrayList;
import java.util.List;

/** A trace line cut into whitespace-separated words, each with its column, comments removed. */
final class Tokens {
    /** One word and its 1-based column. */
    record Word(String text, int column) {}

    private final List<Word> words;
    private final int endColumn;
    private int next;

    private Tokens(List<Word> words, int endColumn) {
        this.words = words;
        this.endColumn = endColumn;
    }

    /** Words already cut (one entry of a multicall), ending at {@code endColumn}. */
    static Tokens of(List<Word> words, int endColumn) {
        return new Tokens(List.copyOf(words), endColumn);
    }

    static Tokens of(String line) {
        int hash = line.indexOf('#');
        String body = hash >= 0 ? line.substring(0, hash) : line;
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && Character.isWhitespace(body.charAt(i))) i++;
            int start = i;
            while (i < body.length() && !Character.isWhitespace(body.charAt(i))) i++;
            if (i > start) words.add(new Word(body.substring(start, i), start + 1));
        }
        return new Tokens(words, body.stripTrailing().length() + 1);
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    boolean hasNext() {
        return next < words.size();
    }

    Word peek() {
        return words.get(next);
    }

    Word take() {
        return words.get(next++);
    }

    /** The column just after the last word, for "expected more" errors. */
    int endColumn() {
        return endColumn;
    }

    /** The words from here to before {@code ->}, consumed. */
    List<Word> untilArrow() {
        List<Word> out = new ArrayList<>();
        while (hasNext() && !peek().text().equals("->")) out.add(take());
        return out;
    }
}
