package retort.diff;

/** Where a step in a plan came from, which decides how its container's fate covers it. */
enum Origin {
  /** A comparer's create: the object is new (or replaced). */
  CREATE,
  /** A comparer's drop: the object goes (or is replaced). */
  DROP,
  /** A comparer's alter in place. */
  ALTER,
  /** Detached and re-attached around an object it depends on that is replaced. */
  REBUILD,
  /** A comment or privileges. */
  ASPECT,
  /** A rename from a hint. */
  RENAME
}
