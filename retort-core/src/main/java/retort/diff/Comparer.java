package retort.diff;

import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.DbObject;

/**
 * How one kind of object is created, dropped and changed. An implementation decides, attribute by
 * attribute, whether a change can be made in place ({@link #alter}) or needs the object dropped and
 * created again (alter returns null). It must not touch comments and privileges (the engine handles
 * those for every kind) nor the objects its target contains (each has its own comparer).
 */
interface Comparer<T extends DbObject> {

  Class<T> type();

  /** Steps that create the object as {@code side} has it; their downs drop it. */
  List<Step> create(T object, Catalog side, Context context);

  /** Steps that drop the object as {@code side} has it; their downs create it again. */
  List<Step> drop(T object, Catalog side, Context context);

  /** Steps that turn {@code from} (head) into {@code to} (declared) in place, or null to replace the object. */
  List<Step> alter(T from, T to, Context context);

  /**
   * Whether creating the object's container creates this object with it, so that a new container's
   * {@code CREATE} statement holds it (a column of a new table).
   */
  default boolean inline(T object) {
    return false;
  }

  /**
   * Steps that detach the object from something it depends on that is about to be replaced, and
   * re-attach it after (a column default calling a function that is dropped and created again).
   * Null, the default, means the object itself is dropped and created again.
   */
  default List<Step> rebuild(T from, T to, Context context) {
    return null;
  }
}
