package retort.sql;

import java.util.Objects;

/**
 * One SQL statement: its text from its first token to its last token before the terminating
 * {@code ;} (or end of input, or a directive), and the 1-based line in the file of its first token.
 */
public record Statement(String sql, int line) implements Chunk {

    /** Checks that the text is present and the line is 1-based. */
    public Statement {
        Objects.requireNonNull(sql, "sql");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
