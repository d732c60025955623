package retort.sql;

import java.util.Objects;

/**
 * A directive: a line comment {@code -- +name} that starts a line at top level, with its lowercased
 * name and the 1-based line it is on.
 */
public record Directive(String name, int line) implements Chunk {

    /** Checks that the name is present and the line is 1-based. */
    public Directive {
        Objects.requireNonNull(name, "name");
        if (line < 1) {
            throw new IllegalArgumentException("line must be >= 1: " + line);
        }
    }
}
