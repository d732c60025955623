package retort.sql;

/** Thrown when a quote, dollar quote or block comment is not terminated; the line is where it opened. */
public final class SqlSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The 1-based line in the file where the unterminated construct opened. */
    private final int line;

    /** Creates an exception saying what is unterminated and where it opened. */
    public SqlSyntaxException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line in the file where the unterminated construct opened. */
    public int line() {
        return line;
    }
}
