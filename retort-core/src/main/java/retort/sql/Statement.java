package retort.sql;

import java.util.Objects;

/**
 * One SQL statement: its text from its first token to its last token before the terminating
 * {@code ;} (or end of input, or a directive), and the 1-based line in the file of its first token.
 * A {@code COPY ... FROM STDIN} statement carries the data that follows it in the file, up to the
 * line {@code \.}, as psql reads it; {@code copyData} is null for every other statement.
 */
public record Statement(String sql, int line, String copyData) implements Chunk {

    /** Checks that the text is present and the line is 1-based. */
    public Statement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }

    /** A statement without COPY data. */
    public Statement(String sql, int line) {
        this(sql, line, null);
    }
}
