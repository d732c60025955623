package retort.catalog;

/**
 * One schema object as a catalog read it: an immutable value keyed by its {@link ObjectId}. Two
 * objects with the same id are the same object; they differ when a comparer finds an attribute that
 * differs. Comments and privileges are kept beside the objects, in the {@link Catalog}.
 */
public interface DbObject {

  ObjectId id();

  /**
   * The object whose {@code DROP} removes this one with it (the table of a column, an index or a
   * trigger; the column of an identity sequence), or null.
   */
  default ObjectId container() {
    return null;
  }
}
