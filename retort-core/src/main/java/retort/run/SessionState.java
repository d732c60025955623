package retort.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import retort.db.Sql;

/**
 * The session state a run starts its revisions from, put back after each revision that may have
 * changed it, so that batching never changes what a migration does: a {@code SET search_path} or
 * {@code SET ROLE} in one revision does not leak into the next. Putting it back is
 * {@code SET SESSION AUTHORIZATION DEFAULT}, {@code RESET ROLE} and {@code RESET ALL} (which goes
 * back to what the connection started with), then the settings the session had been given with SET
 * before the run (a pool's init SQL, the driver's application_name), and its role if it had one.
 */
final class SessionState {

  /**
   * What in a revision's text may change the session: SET or RESET (also as a word inside a DO
   * body), set_config(), DISCARD. A revision without any of them leaves the session as it found it;
   * only these pay for putting it back.
   */
  private static final Pattern MAY_CHANGE = Pattern.compile("(?i)\\b(set|reset|set_config|discard)\\b");

  private final List<String> restore;

  private SessionState(List<String> restore) {
    this.restore = List.copyOf(restore);
  }

  /** Reads the session state of the connection, as the run found it, in one query. */
  static SessionState capture(Connection c) throws SQLException {
    List<String> sets = new ArrayList<>();
    String role = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name, setting, NULL FROM pg_catalog.pg_settings WHERE source = 'session'"
            + " AND name NOT LIKE 'transaction\\_%' UNION ALL SELECT NULL, NULL, current_user::text"
            + " WHERE current_user <> session_user")) {
      while (rs.next()) {
        if (rs.getString(1) != null) {
          sets.add("pg_catalog.set_config(" + Sql.literal(rs.getString(1)) + ", " + Sql.literal(rs.getString(2)) + ", false)");
        } else {
          role = rs.getString(3);
        }
      }
    }
    List<String> parts = new ArrayList<>(List.of("SET SESSION AUTHORIZATION DEFAULT", "RESET ROLE", "RESET ALL"));
    if (!sets.isEmpty()) {
      parts.add("SELECT " + String.join(", ", sets));
    }
    if (role != null) {
      parts.add("SET ROLE " + retort.db.TableName.quote(role));
    }
    return new SessionState(parts);
  }

  /** The statements that put the session back, one part each. */
  List<String> restore() {
    return restore;
  }

  /** The same for an offline script, which knows nothing of the session before it. */
  static List<String> offline() {
    return List.of("SET SESSION AUTHORIZATION DEFAULT", "RESET ROLE", "RESET ALL");
  }

  /** Whether these statements may change the session state (see {@link #MAY_CHANGE}). */
  static boolean mayChange(List<retort.sql.Statement> statements) {
    for (retort.sql.Statement st : statements) {
      if (MAY_CHANGE.matcher(st.sql()).find()) {
        return true;
      }
    }
    return false;
  }
}
