package retort.sql;

/** The character classes of PostgreSQL's scanner, with every non-ASCII character counted as a letter. */
final class Chars {

    private Chars() {
    }

    /** Whether the character is SQL whitespace. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Whether the character is whitespace within one line. */
    static boolean isInlineSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** Whether the character is an ASCII digit. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the character can start an identifier or a dollar-quote tag. */
    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= '\u0080';
    }

    /** Whether the character can continue an identifier, which may contain {@code $}. */
    static boolean isIdentPart(char c) {
        return isIdentStart(c) || isDigit(c) || c == '$';
    }

    /** Whether the character can continue a dollar-quote tag, which may not contain {@code $}. */
    static boolean isTagPart(char c) {
        return isIdentStart(c) || isDigit(c);
    }

    /** Whether the character can be part of a directive name. */
    static boolean isDirectiveNamePart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }
}
