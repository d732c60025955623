package retort.diff;

/** Something about a step that its reader must know before running it; listed in the revision's header. */
public enum Hazard {
  /** The upgrade deletes data (a dropped table or column) that its downgrade does not bring back. */
  DELETES_DATA("deletes-data", "data is deleted and the downgrade does not restore it"),
  /** The statement rewrites the whole table under an ACCESS EXCLUSIVE lock. */
  REWRITES_TABLE("rewrites-table", "rewrites the table under an ACCESS EXCLUSIVE lock"),
  /** The statement holds a lock that blocks writes (or reads) for as long as it scans the table. */
  LONG_LOCK("long-lock", "holds a lock that blocks the table while it scans or builds"),
  /** The downgrade of this step may fail on data the upgrade let in (a removed enum value in use). */
  LOSSY_DOWNGRADE("lossy-downgrade", "the downgrade fails or loses precision if new data does not fit the old shape"),
  /** The step cannot be undone: its downgrade raises an error. */
  IRREVERSIBLE("irreversible", "cannot be undone; the downgrade raises an error");

  private final String id;
  private final String description;

  Hazard(String id, String description) {
    this.id = id;
    this.description = description;
  }

  /** The stable kebab-case id used in revision headers and JSON. */
  public String id() {
    return id;
  }

  public String description() {
    return description;
  }
}
