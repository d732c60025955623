package retort.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Splits the text of a migration file into statements and directives. */
public final class Lexer {

    private Lexer() {
    }

    /** Lexes a whole file, whose first line is line 1, into statements and directives in file order. */
    public static List<Chunk> chunks(String text) throws SqlSyntaxException {
        Objects.requireNonNull(text, "text");
        return List.copyOf(new Scanner(text, 1).scan());
    }

    /**
     * Lexes a fragment of a file whose first line is line {@code firstLine} of the file and returns
     * its statements, skipping any directives.
     */
    public static List<Statement> statements(String text, int firstLine) throws SqlSyntaxException {
        Objects.requireNonNull(text, "text");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be >= 1: " + firstLine);
        }
        List<Statement> statements = new ArrayList<>();
        for (Chunk chunk : new Scanner(text, firstLine).scan()) {
            if (chunk instanceof Statement statement) {
                statements.add(statement);
            }
        }
        return List.copyOf(statements);
    }
}
