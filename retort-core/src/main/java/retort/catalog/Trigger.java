package retort.catalog;

/**
 * A trigger on a table or view (not one PostgreSQL made for a foreign key or cloned to a partition).
 *
 * @param definition the {@code CREATE TRIGGER} statement from {@code pg_get_triggerdef}
 * @param enabled {@code O} origin (the default), {@code D} disabled, {@code R} replica, {@code A} always
 */
public record Trigger(ObjectId id, ObjectId container, String definition, char enabled) implements DbObject {}
