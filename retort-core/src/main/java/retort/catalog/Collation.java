package retort.catalog;

/**
 * A collation.
 *
 * @param provider {@code c} libc, {@code i} ICU, {@code b} builtin, {@code d} default
 */
public record Collation(ObjectId id, char provider, boolean deterministic, String collate, String ctype,
    String locale) implements DbObject {}
