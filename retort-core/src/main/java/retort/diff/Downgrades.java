package retort.diff;

/** Statements for downgrades that cannot be done: they stop the downgrade with a clear error. */
final class Downgrades {

  private Downgrades() {}

  static String error(String why) {
    return "DO $retort$ BEGIN RAISE EXCEPTION 'retort: irreversible: %', " + Sql.literal(why) + "; END $retort$";
  }
}
