package retort.catalog;

/**
 * A role's attributes as {@code pg_roles} shows them (never its password). Roles belong to the whole
 * server, not to one database.
 */
public record Role(ObjectId id, boolean superuser, boolean inherit, boolean createRole, boolean createDb,
    boolean login, boolean replication, boolean bypassRls, int connectionLimit, String validUntil)
    implements DbObject {}
