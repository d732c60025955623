package retort.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;

/**
 * Whether JDBC connections are server sessions of their own, as a session advisory lock needs. A
 * direct connection runs every statement in the backend that the server named when it connected;
 * behind a pooler (PgBouncer) the driver was given the pooler's own key instead, and in transaction
 * mode each transaction may run in another server connection, or two clients in the same one.
 */
public final class Sessions {

  private Sessions() {}

  /** A pooler that hands out server connections per transaction: a session lock cannot be held through it. */
  public static final class Pooled extends Exception {
    Pooled(String message) {
      super(message, null, false, false);
    }
  }

  /** The backend pid the server named when the connection was opened, or 0 when the driver cannot tell. */
  public static int startupPid(Connection c) {
    try {
      return c.unwrap(PGConnection.class).getBackendPID();
    } catch (SQLException | RuntimeException | LinkageError e) {
      return 0;
    }
  }

  /** The pid of the backend that runs this connection's next statement. */
  public static int pid(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Checks, for a lock connection whose first statement ran in backend {@code pid} but which the
   * server did not name so when it connected, that it is a session of its own all the same (a pooler
   * in session mode), before any lock is taken: its next statement runs in the same backend, the
   * run's other connection {@code other} (null for none, e.g. when the run has one connection) runs
   * in another one, twice in the same. In
   * transaction mode an idle pool hands both connections the same server connection, and a busy one
   * moves them between server connections.
   */
  static void requireOwnSession(Connection lock, int pid, Connection other) throws SQLException, Pooled {
    if (other == null) {
      int again = pid(lock);
      if (again != pid) {
        throw moved(pid, again);
      }
      return;
    }
    int otherPid = pid(other);
    if (otherPid == pid) {
      throw new Pooled("two connections of this run ran in one server session (pid " + pid + ")");
    }
    int again = pid(lock);
    if (again != pid) {
      throw moved(pid, again);
    }
    int otherAgain = pid(other);
    if (otherAgain != otherPid) {
      throw new Pooled("the run's work connection ran in server session " + otherPid + ", then in " + otherAgain);
    }
  }

  static Pooled moved(int from, int to) {
    return new Pooled("the run lock's connection ran in server session " + from + ", then in " + to);
  }
}
