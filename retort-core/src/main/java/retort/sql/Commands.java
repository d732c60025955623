package retort.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What kind of command a statement is, where Retort must know before running it: the commands that
 * PostgreSQL refuses inside a transaction block, COPY from or to the client, and the index build of
 * {@code CREATE INDEX CONCURRENTLY}. Read from the statement's leading words, not parsed.
 */
public final class Commands {

    private Commands() {
    }

    /**
     * The command's name when PostgreSQL refuses to run it inside a transaction block (or a pipeline
     * of several statements), else empty: CREATE/DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY and
     * REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM, CREATE/DROP DATABASE, ALTER DATABASE ... SET TABLESPACE,
     * CREATE/DROP TABLESPACE, ALTER SYSTEM, CLUSTER without a table, DISCARD ALL, COMMIT/ROLLBACK
     * PREPARED, ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY, and the subscription commands that
     * create, drop or refresh a replication slot.
     */
    public static Optional<String> outsideTransactionOnly(String sql) {
        List<String> w = Words.of(sql, 12);
        String first = word(w, 0);
        String second = word(w, 1);
        switch (first) {
            case "CREATE":
                if (second.equals("UNIQUE") ? word(w, 2).equals("INDEX") && word(w, 3).equals("CONCURRENTLY")
                        : second.equals("INDEX") && word(w, 2).equals("CONCURRENTLY")) {
                    return Optional.of("CREATE INDEX CONCURRENTLY");
                }
                if (second.equals("DATABASE") || second.equals("TABLESPACE")) {
                    return Optional.of("CREATE " + second);
                }
                if (second.equals("SUBSCRIPTION") && !options(sql, "create_slot=false", "connect=false")) {
                    return Optional.of("CREATE SUBSCRIPTION");
                }
                return Optional.empty();
            case "DROP":
                if (second.equals("INDEX") && word(w, 2).equals("CONCURRENTLY")) {
                    return Optional.of("DROP INDEX CONCURRENTLY");
                }
                if (second.equals("DATABASE") || second.equals("TABLESPACE") || second.equals("SUBSCRIPTION")) {
                    return Optional.of("DROP " + second);
                }
                return Optional.empty();
            case "REINDEX":
                return reindex(w);
            case "VACUUM":
            case "COMMIT":
            case "ROLLBACK":
                return first.equals("VACUUM") ? Optional.of("VACUUM")
                        : second.equals("PREPARED") ? Optional.of(first + " PREPARED") : Optional.empty();
            case "ALTER":
                return alter(sql, w);
            case "CLUSTER":
                return w.size() == 1 || (w.size() == 2 && (second.equals("VERBOSE") || second.startsWith("(")))
                        ? Optional.of("CLUSTER without a table") : Optional.empty();
            case "DISCARD":
                return second.equals("ALL") ? Optional.of("DISCARD ALL") : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> reindex(List<String> w) {
        int kind = 1;
        if (word(w, 1).startsWith("(")) {
            String options = word(w, 1).toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
            if (options.matches(".*\\bCONCURRENTLY\\b(?!\\s*(FALSE|OFF|0)\\b).*")) {
                return Optional.of("REINDEX CONCURRENTLY");
            }
            kind = 2;
        }
        String what = word(w, kind);
        if (word(w, kind + 1).equals("CONCURRENTLY")) {
            return Optional.of("REINDEX CONCURRENTLY");
        }
        if (what.equals("SCHEMA") || what.equals("DATABASE") || what.equals("SYSTEM")) {
            return Optional.of("REINDEX " + what);
        }
        return Optional.empty();
    }

    private static Optional<String> alter(String sql, List<String> w) {
        String second = word(w, 1);
        if (second.equals("SYSTEM")) {
            return Optional.of("ALTER SYSTEM");
        }
        if (second.equals("DATABASE") && word(w, 3).equals("SET") && word(w, 4).equals("TABLESPACE")) {
            return Optional.of("ALTER DATABASE ... SET TABLESPACE");
        }
        if (second.equals("SUBSCRIPTION")) {
            String action = word(w, 3) + " " + word(w, 4);
            if (action.equals("REFRESH PUBLICATION") || (action.matches("(SET|ADD|DROP) PUBLICATION")
                    && !options(sql, "refresh=false"))) {
                return Optional.of("ALTER SUBSCRIPTION ... " + action);
            }
            return Optional.empty();
        }
        if (second.equals("TABLE")) {
            List<String> all = Words.of(sql, Integer.MAX_VALUE);
            for (int i = 2; i + 1 < all.size(); i++) {
                if (Words.is(all.get(i), "DETACH") && Words.is(all.get(i + 1), "PARTITION")) {
                    for (int j = i + 2; j < all.size() && !all.get(j).equals(","); j++) {
                        if (Words.is(all.get(j), "CONCURRENTLY")) {
                            return Optional.of("ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY");
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the statement's text, without whitespace and in lower case, contains one of these options. */
    private static boolean options(String sql, String... written) {
        String flat = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        for (String option : written) {
            if (flat.contains(option)) {
                return true;
            }
        }
        return false;
    }

    /** {@code COPY ... FROM STDIN}: the data follows the statement in the file. */
    public static boolean copyFromStdin(String sql) {
        return copy(sql, "FROM", "STDIN");
    }

    /** {@code COPY ... TO STDOUT}: the rows would go to a client that does not read them. */
    public static boolean copyToStdout(String sql) {
        return copy(sql, "TO", "STDOUT");
    }

    private static boolean copy(String sql, String direction, String stream) {
        List<String> w = Words.of(sql, 8);
        if (!word(w, 0).equals("COPY")) {
            return false;
        }
        for (int i = 1; i + 1 < w.size(); i++) {
            if (Words.is(w.get(i), direction) && Words.is(w.get(i + 1), stream)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index a {@code CREATE [UNIQUE] INDEX CONCURRENTLY [IF NOT EXISTS] [name] ON [ONLY] table}
     * builds: its name as written (null when the server picks one) and its table as written.
     */
    public record IndexBuild(String name, String table) {}

    /** The index this statement builds concurrently, if it is such a statement. */
    public static Optional<IndexBuild> concurrentIndexBuild(String sql) {
        List<String> w = Words.of(sql, 16);
        int i = word(w, 1).equals("UNIQUE") ? 2 : 1;
        if (!word(w, 0).equals("CREATE") || !word(w, i).equals("INDEX") || !word(w, i + 1).equals("CONCURRENTLY")) {
            return Optional.empty();
        }
        i += 2;
        if (word(w, i).equals("IF") && word(w, i + 1).equals("NOT") && word(w, i + 2).equals("EXISTS")) {
            i += 3;
        }
        String name = null;
        if (!word(w, i).equals("ON")) {
            name = i < w.size() ? w.get(i) : null;
            i++;
        }
        if (!word(w, i).equals("ON")) {
            return Optional.empty();
        }
        i++;
        if (word(w, i).equals("ONLY")) {
            i++;
        }
        if (i >= w.size()) {
            return Optional.empty();
        }
        String table = w.get(i);
        if (word(w, i + 1).equals(".") && i + 2 < w.size()) {
            table = table + "." + w.get(i + 2);
        }
        return Optional.of(new IndexBuild(name, table));
    }

    /** The word at {@code i} in upper case, or "" past the end. */
    private static String word(List<String> w, int i) {
        return i < w.size() ? w.get(i).toUpperCase(Locale.ROOT) : "";
    }
}
