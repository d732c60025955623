package retort.catalog;

/**
 * An index that no constraint owns (a constraint's index belongs to the constraint).
 *
 * @param definition the {@code CREATE INDEX} statement as {@code pg_get_indexdef} prints it
 * @param valid false for the leftover of a failed {@code CREATE INDEX CONCURRENTLY}
 */
public record Index(ObjectId id, ObjectId container, String definition, boolean unique, boolean valid)
    implements DbObject {}
