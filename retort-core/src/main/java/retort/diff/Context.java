package retort.diff;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import retort.catalog.Catalog;
import retort.catalog.Kind;
import retort.catalog.ObjectId;

/**
 * What a comparer may know beyond the two objects it compares: both catalogs (head and declared),
 * the options, and which objects the plan drops and creates again.
 */
final class Context {

  private final Catalog from;
  private final Catalog to;
  private final Options options;
  private final Set<ObjectId> replaced = new HashSet<>();
  private boolean rebuilding;
  private final List<String> warnings = new ArrayList<>();

  Context(Catalog from, Catalog to, Options options) {
    this.from = from;
    this.to = to;
    this.options = options;
  }

  /** Head: the catalog the plan starts from. */
  Catalog from() {
    return from;
  }

  /** The declared schema: the catalog the plan goes to. */
  Catalog to() {
    return to;
  }

  Options options() {
    return options;
  }

  void replaced(ObjectId id) {
    replaced.add(id);
  }

  boolean isReplaced(ObjectId id) {
    return replaced.contains(id);
  }

  /**
   * Whether changes to this table must not block it for long: lock safety is on, and the table
   * exists at head and is kept (not created, not dropped and created again), so it may hold rows
   * that the application is reading and writing while the migration runs.
   */
  boolean lockSafe(ObjectId table) {
    return !rebuilding && options.lockSafety() && table != null && table.kind() == Kind.TABLE && from.has(table) && to.has(table)
        && !replaced.contains(table);
  }

  /**
   * Marks the steps made meanwhile as a rebuild around a change that locks its table anyway (a column's
   * type cast, a function dropped and created again): they take plain forms, in one transaction.
   */
  void rebuilding(boolean on) {
    rebuilding = on;
  }

  /** Whether the object exists at head and is kept by the plan (not dropped, not replaced). */
  boolean kept(ObjectId id) {
    return id != null && from.has(id) && to.has(id) && !replaced.contains(id);
  }

  void warn(String warning) {
    warnings.add(warning);
  }

  List<String> warnings() {
    return warnings;
  }
}
