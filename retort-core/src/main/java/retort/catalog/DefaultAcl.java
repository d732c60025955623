package retort.catalog;

/**
 * Default privileges: what objects of one kind that one role creates (in one schema, or anywhere) are
 * granted when they are created. For the whole database the grants replace the built-in defaults;
 * for a schema they add to them.
 */
public record DefaultAcl(ObjectId id, Acl acl) implements DbObject {

  /** The role whose future objects these privileges govern. */
  public String role() {
    return id.name();
  }

  /** {@code TABLES}, {@code SEQUENCES}, {@code FUNCTIONS}, {@code TYPES} or {@code SCHEMAS}. */
  public String objects() {
    return id.member();
  }
}
