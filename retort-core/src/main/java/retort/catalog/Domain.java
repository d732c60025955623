package retort.catalog;

/** A domain over a base type; its CHECK constraints are objects of their own. */
public record Domain(ObjectId id, String baseType, boolean notNull, String defaultExpr, String collation)
    implements DbObject {}
