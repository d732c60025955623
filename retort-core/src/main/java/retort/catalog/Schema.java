package retort.catalog;

/** A schema ({@code pg_namespace}). */
public record Schema(ObjectId id) implements DbObject {}
