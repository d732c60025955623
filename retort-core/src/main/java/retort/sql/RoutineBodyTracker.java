package retort.sql;

import java.util.Arrays;

/**
 * The heuristic of psql for SQL-standard routine bodies: inside a statement that starts with
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, it counts BEGIN/CASE ... END nesting so that
 * semicolons inside {@code BEGIN ATOMIC ... END} do not end the statement.
 */
final class RoutineBodyTracker {

    /** How many leading keywords of a statement are remembered. */
    private static final int REMEMBERED = 4;

    /** The initial of each leading keyword that is CREATE, OR, REPLACE, FUNCTION or PROCEDURE, else 0. */
    private final char[] initials = new char[REMEMBERED];

    /** How many identifiers the current statement has had. */
    private int identifiers;

    /** How many BEGIN or CASE blocks of a routine body are open. */
    private int depth;

    /** Forgets everything, for the start of a new statement. */
    void reset() {
        Arrays.fill(initials, '\0');
        identifiers = 0;
        depth = 0;
    }

    /** Whether a semicolon now is inside a routine body and so does not end the statement. */
    boolean inBody() {
        return depth > 0;
    }

    /** Takes note of the unquoted identifier or keyword {@code text[start, end)} at the given paren depth. */
    void identifier(String text, int start, int end, int parenDepth) {
        if (identifiers < REMEMBERED) {
            initials[identifiers] = leadingKeywordInitial(text, start, end);
        }
        identifiers++;
        if (parenDepth != 0 || !createsRoutine()) {
            return;
        }
        if (is(text, start, end, "begin")) {
            depth++;
        } else if (is(text, start, end, "case")) {
            if (depth > 0) {
                depth++;
            }
        } else if (is(text, start, end, "end")) {
            if (depth > 0) {
                depth--;
            }
        }
    }

    /** Whether the statement so far starts with CREATE [OR REPLACE] FUNCTION|PROCEDURE. */
    private boolean createsRoutine() {
        if (initials[0] != 'c') {
            return false;
        }
        if (initials[1] == 'f' || initials[1] == 'p') {
            return true;
        }
        return initials[1] == 'o' && initials[2] == 'r' && (initials[3] == 'f' || initials[3] == 'p');
    }

    /** The initial of the word if it is one of the keywords that can start a routine definition, else 0. */
    private static char leadingKeywordInitial(String text, int start, int end) {
        if (is(text, start, end, "create")
                || is(text, start, end, "or")
                || is(text, start, end, "replace")
                || is(text, start, end, "function")
                || is(text, start, end, "procedure")) {
            return Character.toLowerCase(text.charAt(start));
        }
        return '\0';
    }

    /** Whether {@code text[start, end)} equals the lowercase keyword, ignoring ASCII case only (as psql does). */
    private static boolean is(String text, int start, int end, String keyword) {
        if (end - start != keyword.length()) {
            return false;
        }
        for (int i = 0; i < keyword.length(); i++) {
            char c = text.charAt(start + i);
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c != keyword.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
