package retort.catalog;

/** An installed extension: the schema it lives in and its version. */
public record Extension(ObjectId id, String schema, String version, boolean relocatable) implements DbObject {}
