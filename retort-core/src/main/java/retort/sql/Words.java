package retort.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * The top-level words of one statement, read on demand from its start: keywords and identifiers as
 * written, a quoted identifier with its quotes, a parenthesised group as one word with its text, a
 * string literal as {@code '}, any other character as itself; comments and whitespace skipped.
 * Enough to tell what kind of command a statement is without parsing it.
 */
final class Words {

    private final String sql;
    private final int end;
    private int pos;

    private Words(String sql) {
        this.sql = sql;
        this.end = sql.length();
    }

    /** Up to {@code max} words of the statement. */
    static List<String> of(String sql, int max) {
        Words w = new Words(sql);
        List<String> out = new ArrayList<>();
        String word;
        while (out.size() < max && (word = w.next()) != null) {
            out.add(word);
        }
        return out;
    }

    /** Whether a word is this keyword, in any case (a quoted identifier never is). */
    static boolean is(String word, String keyword) {
        return word != null && word.equalsIgnoreCase(keyword);
    }

    /** The next word, or null at the end. */
    private String next() {
        skipSpaceAndComments();
        if (pos >= end) {
            return null;
        }
        int start = pos;
        char c = sql.charAt(pos);
        if (Chars.isIdentStart(c)) {
            while (pos < end && Chars.isIdentPart(sql.charAt(pos))) {
                pos++;
            }
            if (pos < end && sql.charAt(pos) == '\'' && pos - start == 1) {
                skipQuoted('\'', "eE".indexOf(c) >= 0);
                return "'";
            }
            return sql.substring(start, pos);
        }
        if (c == '"') {
            skipQuoted('"', false);
            return sql.substring(start, pos);
        }
        if (c == '\'') {
            skipQuoted('\'', false);
            return "'";
        }
        if (c == '$') {
            int close = dollarQuoteEnd();
            if (close > 0) {
                pos = close;
                return "'";
            }
        }
        if (c == '(') {
            int depth = 0;
            while (pos < end) {
                char d = sql.charAt(pos);
                if (d == '(') {
                    depth++;
                } else if (d == ')' && --depth == 0) {
                    pos++;
                    break;
                } else if (d == '\'' || d == '"') {
                    skipQuoted(d, false);
                    continue;
                }
                pos++;
            }
            return sql.substring(start, pos);
        }
        pos++;
        return String.valueOf(c);
    }

    private void skipSpaceAndComments() {
        while (pos < end) {
            char c = sql.charAt(pos);
            if (Chars.isSpace(c)) {
                pos++;
            } else if (c == '-' && pos + 1 < end && sql.charAt(pos + 1) == '-') {
                while (pos < end && sql.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < end && sql.charAt(pos + 1) == '*') {
                int depth = 0;
                while (pos < end) {
                    if (sql.startsWith("/*", pos)) {
                        depth++;
                        pos += 2;
                    } else if (sql.startsWith("*/", pos)) {
                        pos += 2;
                        if (--depth == 0) {
                            break;
                        }
                    } else {
                        pos++;
                    }
                }
            } else {
                return;
            }
        }
    }

    /** Skips a quoted string or identifier at {@code pos} (a doubled quote escapes; a backslash too in E''). */
    private void skipQuoted(char quote, boolean backslashes) {
        pos++;
        while (pos < end) {
            char c = sql.charAt(pos);
            if (backslashes && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                pos++;
                if (pos < end && sql.charAt(pos) == quote) {
                    pos++;
                } else {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    /** The index after the dollar-quoted string at {@code pos}, or -1 when none starts there. */
    private int dollarQuoteEnd() {
        int i = pos + 1;
        while (i < end && Chars.isTagPart(sql.charAt(i))) {
            i++;
        }
        if (i >= end || sql.charAt(i) != '$' || (i > pos + 1 && Chars.isDigit(sql.charAt(pos + 1)))) {
            return -1;
        }
        String tag = sql.substring(pos, i + 1);
        int close = sql.indexOf(tag, i + 1);
        return close < 0 ? end : close + tag.length();
    }
}
