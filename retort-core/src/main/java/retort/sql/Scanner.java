package retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One left-to-right pass over the text of a migration file that collects its chunks; used once. */
final class Scanner {

    /** The byte-order mark some editors put at the start of a file. */
    private static final char BOM = '\uFEFF';

    /** The text being lexed. */
    private final String text;

    /** The length of the text. */
    private final int end;

    /** The chunks found so far, in file order. */
    private final List<Chunk> chunks = new ArrayList<>();

    /** The BEGIN ATOMIC heuristic for the current statement. */
    private final RoutineBodyTracker routine = new RoutineBodyTracker();

    /** The index of the next character to read. */
    private int pos;

    /** The line in the file of the character at {@code pos}. */
    private int line;

    /** The index of the first character of the current line. */
    private int lineStart;

    /** The index of the current statement's first token, or -1 between statements. */
    private int statementStart = -1;

    /** The line of the current statement's first token. */
    private int statementLine;

    /** The index just past the current statement's last token. */
    private int statementEnd;

    /** How many parentheses are open in the current statement. */
    private int parenDepth;

    /** Whether the last token was an E'' string that a quote after a line break would continue. */
    private boolean escapeStringPending;

    /** Whether a line break has been seen since the last E'' string closed. */
    private boolean lineBreakSinceEscapeString;

    /** The line where the pending E'' string opened. */
    private int escapeStringLine;

    /** Creates a scanner for text whose first line is line {@code firstLine} of the file. */
    Scanner(String text, int firstLine) {
        this.text = text;
        this.end = text.length();
        this.line = firstLine;
        if (end > 0 && text.charAt(0) == BOM) {
            pos = 1;
        }
        lineStart = pos;
    }

    /** Lexes the whole text and returns its chunks in order. */
    List<Chunk> scan() throws SqlSyntaxException {
        while (pos < end) {
            char c = text.charAt(pos);
            if (Chars.isSpace(c)) {
                if (c == '\n') {
                    lineBreakAt(pos);
                }
                if (c == '\n' || c == '\r') {
                    lineBreakSinceEscapeString = true;
                }
                pos++;
            } else if (c == '-' && peek(1) == '-') {
                lineComment();
            } else if (c == '/' && peek(1) == '*') {
                escapeStringPending = false;
                blockComment();
            } else {
                token();
            }
        }
        endStatement();
        return chunks;
    }

    /** Reads one token at {@code pos}: a semicolon that ends the statement, or part of the statement. */
    private void token() throws SqlSyntaxException {
        char c = text.charAt(pos);
        boolean continuesEscapeString = escapeStringPending && lineBreakSinceEscapeString;
        escapeStringPending = false;
        if (c == ';' && parenDepth == 0 && !routine.inBody()) {
            if (statementStart >= 0 && Commands.copyFromStdin(text.substring(statementStart, statementEnd))) {
                copyData();
                return;
            }
            endStatement();
            pos++;
            return;
        }
        if (statementStart < 0) {
            statementStart = pos;
            statementLine = line;
        }
        if (c == '\'') {
            if (continuesEscapeString) {
                escapeString(escapeStringLine);
            } else {
                quoted('\'', "unterminated quoted string");
            }
        } else if (c == '"') {
            quoted('"', "unterminated quoted identifier");
        } else if (c == '$') {
            dollar();
        } else if (Chars.isIdentStart(c)) {
            word();
        } else if (Chars.isDigit(c)) {
            number();
        } else {
            if (c == '(') {
                parenDepth++;
            } else if (c == ')' && parenDepth > 0) {
                parenDepth--;
            }
            pos++;
        }
        statementEnd = pos;
    }

    /** Reads a keyword or identifier, or a string whose prefix (E, B, X, N, U&) it turns out to be. */
    private void word() throws SqlSyntaxException {
        int start = pos;
        pos++;
        while (pos < end && Chars.isIdentPart(text.charAt(pos))) {
            pos++;
        }
        if (pos - start == 1) {
            char prefix = text.charAt(start);
            char next = peek(0);
            if (next == '\'') {
                switch (prefix) {
                    case 'e', 'E' -> {
                        escapeString(line);
                        return;
                    }
                    case 'b', 'B' -> {
                        quoted('\'', "unterminated bit string literal");
                        return;
                    }
                    case 'x', 'X' -> {
                        quoted('\'', "unterminated hexadecimal string literal");
                        return;
                    }
                    case 'n', 'N' -> {
                        quoted('\'', "unterminated quoted string");
                        return;
                    }
                    default -> {
                    }
                }
            } else if (next == '&' && (prefix == 'u' || prefix == 'U')) {
                char quote = peek(1);
                if (quote == '\'' || quote == '"') {
                    pos++;
                    quoted(quote, quote == '\'' ? "unterminated quoted string" : "unterminated quoted identifier");
                    return;
                }
            }
        }
        routine.identifier(text, start, pos, parenDepth);
    }

    /** Reads a number, together with any letters stuck to it, so that they are not taken for a keyword. */
    private void number() {
        pos++;
        while (pos < end && Chars.isTagPart(text.charAt(pos))) {
            pos++;
        }
    }

    /** Reads a {@code '...'} string or {@code "..."} identifier at {@code pos}, where a doubled quote is an escape. */
    private void quoted(char quote, String unterminated) throws SqlSyntaxException {
        int openLine = line;
        pos++;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == quote) {
                if (peek(1) != quote) {
                    pos++;
                    return;
                }
                pos += 2;
            } else {
                if (c == '\n') {
                    lineBreakAt(pos);
                }
                pos++;
            }
        }
        throw new SqlSyntaxException(unterminated, openLine);
    }

    /** Reads the {@code '...'} part of an E'' string at {@code pos}, where a backslash escapes the next character. */
    private void escapeString(int openLine) throws SqlSyntaxException {
        pos++;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '\\') {
                pos++;
                if (pos < end && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '\'') {
                if (peek(1) != '\'') {
                    pos++;
                    escapeStringPending = true;
                    lineBreakSinceEscapeString = false;
                    escapeStringLine = openLine;
                    return;
                }
                pos += 2;
            } else {
                if (c == '\n') {
                    lineBreakAt(pos);
                }
                pos++;
            }
        }
        throw new SqlSyntaxException("unterminated quoted string", openLine);
    }

    /** Reads a dollar-quoted string, a {@code $n} parameter, or a lone {@code $} at {@code pos}. */
    private void dollar() throws SqlSyntaxException {
        int start = pos;
        int i = pos + 1;
        if (i < end && Chars.isDigit(text.charAt(i))) {
            while (i < end && Chars.isDigit(text.charAt(i))) {
                i++;
            }
            pos = i;
            return;
        }
        if (i < end && Chars.isIdentStart(text.charAt(i))) {
            i++;
            while (i < end && Chars.isTagPart(text.charAt(i))) {
                i++;
            }
        }
        if (i >= end || text.charAt(i) != '$') {
            pos++;
            return;
        }
        String delimiter = text.substring(start, i + 1);
        int close = text.indexOf(delimiter, i + 1);
        if (close < 0) {
            throw new SqlSyntaxException("unterminated dollar-quoted string", line);
        }
        advanceTo(close + delimiter.length());
    }

    /** Reads a block comment at {@code pos}, which may contain nested block comments. */
    private void blockComment() throws SqlSyntaxException {
        int openLine = line;
        int depth = 1;
        pos += 2;
        while (pos < end) {
            char c = text.charAt(pos);
            if (c == '/' && peek(1) == '*') {
                depth++;
                pos += 2;
            } else if (c == '*' && peek(1) == '/') {
                pos += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                if (c == '\n') {
                    lineBreakAt(pos);
                }
                pos++;
            }
        }
        throw new SqlSyntaxException("unterminated /* comment", openLine);
    }

    /** Reads a {@code --} comment at {@code pos}, recording it as a directive if it is one. */
    private void lineComment() {
        int start = pos;
        if (!routine.inBody() && startsLine(start)) {
            int i = start + 2;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
                i++;
            }
            if (i < end && text.charAt(i) == '+') {
                int nameStart = ++i;
                while (i < end && Chars.isDirectiveNamePart(text.charAt(i))) {
                    i++;
                }
                if (i > nameStart) {
                    endStatement();
                    chunks.add(new Directive(text.substring(nameStart, i).toLowerCase(Locale.ROOT), line));
                }
            }
        }
        pos = start + 2;
        while (pos < end && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
            pos++;
        }
    }

    /** Whether only whitespace precedes index {@code at} on its line. */
    private boolean startsLine(int at) {
        for (int i = at - 1; i >= lineStart; i--) {
            if (!Chars.isInlineSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Ends a {@code COPY ... FROM STDIN} statement at the {@code ;} at {@code pos}, with its data: the
     * lines after the statement's line up to the line {@code \.}, which psql reads as the end of the data.
     */
    private void copyData() throws SqlSyntaxException {
        int copyLine = statementLine;
        int lineEnd = text.indexOf('\n', pos);
        if (lineEnd < 0) {
            throw new SqlSyntaxException("COPY ... FROM STDIN without its data: put the rows on the lines after it,"
                    + " ending with a line \\.", copyLine);
        }
        pos = lineEnd;
        lineBreakAt(pos++);
        int dataStart = pos;
        while (pos < end) {
            int next = text.indexOf('\n', pos);
            int stop = next < 0 ? end : next;
            if (text.substring(pos, stop).strip().equals("\\.")) {
                String data = text.substring(dataStart, pos).replace("\r\n", "\n");
                endStatement(data);
                pos = stop;
                return;
            }
            if (next < 0) {
                break;
            }
            lineBreakAt(next);
            pos = next + 1;
        }
        throw new SqlSyntaxException("the data of COPY ... FROM STDIN has no end: add a line \\. after the last row",
                copyLine);
    }

    /** Records the current statement, if it has any token, and starts a new one. */
    private void endStatement() {
        endStatement(null);
    }

    private void endStatement(String copyData) {
        if (statementStart >= 0) {
            chunks.add(new Statement(text.substring(statementStart, statementEnd), statementLine, copyData));
        }
        statementStart = -1;
        parenDepth = 0;
        routine.reset();
        escapeStringPending = false;
    }

    /** Moves {@code pos} forward to {@code target}, counting the line breaks passed. */
    private void advanceTo(int target) {
        for (int i = pos; i < target; i++) {
            if (text.charAt(i) == '\n') {
                lineBreakAt(i);
            }
        }
        pos = target;
    }

    /** Notes the line break at index {@code i}. */
    private void lineBreakAt(int i) {
        line++;
        lineStart = i + 1;
    }

    /** The character {@code offset} places after {@code pos}, or 0 past the end. */
    private char peek(int offset) {
        int i = pos + offset;
        return i < end ? text.charAt(i) : '\0';
    }
}
