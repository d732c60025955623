package retort.graph;

/** Which way a step moves the database. */
public enum Direction {
  UPGRADE,
  DOWNGRADE;

  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
