package pvspec.checker.predicate;

import java.util.ArrayList;
import java.util.List;

/** Splits a predicate into {@link Token}s; only ASCII letters and digits count as such. */
final class Lexer {
    private Lexer() {}

    static List<Token> tokens(String text) throws PredicateSyntaxException {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int col = i + 1;
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) && text.charAt(j) < 128 || text.charAt(j) == '_')) j++;
                out.add(new Token(Token.Kind.WORD, text.substring(i, j), col));
                i = j;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < text.length() && (text.charAt(j) >= '0' && text.charAt(j) <= '9' || text.charAt(j) == '.')) j++;
                out.add(new Token(Token.Kind.NUMBER, text.substring(i, j), col));
                i = j;
            } else if (c == '(' || c == ')' || c == ',') {
                out.add(new Token(c == '(' ? Token.Kind.LEFT : c == ')' ? Token.Kind.RIGHT : Token.Kind.COMMA, String.valueOf(c), col));
                i++;
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int j = i + 1 < text.length() && text.charAt(i + 1) == '=' ? i + 2 : i + 1;
                String op = text.substring(i, j);
                if (op.equals("!") || op.equals("==")) throw new PredicateSyntaxException(col, "unknown operator '" + op + "' (=, !=, <, <=, >, >=)");
                out.add(new Token(Token.Kind.OPERATOR, op, col));
                i = j;
            } else {
                throw new PredicateSyntaxException(col, "unexpected character '" + c + "'");
            }
        }
        out.add(new Token(Token.Kind.END, "", text.length() + 1));
        return out;
    }
}
