package retort.drift;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.db.LogEntry;
import retort.db.VersionStore;

/**
 * A live database as drift reads it: its version rows, its catalog and a non-transactional step that
 * stopped part way, all in one {@code REPEATABLE READ READ ONLY} transaction (one snapshot: an upgrade
 * that commits meanwhile is seen whole or not at all), with a short {@code lock_timeout}, so that a
 * session holding an {@code ACCESS EXCLUSIVE} lock makes the read fail fast rather than queue. The
 * catalog queries take no lock on the application's tables; reading the version table takes
 * {@code ACCESS SHARE}, which blocks no reader or writer.
 */
public final class LiveRead {

  /** What was read. {@code versionTable} is false for a database Retort has never run on. */
  public record Live(boolean versionTable, List<String> rows, Catalog catalog, Optional<LogEntry> stopped) {

    public Live {
      rows = List.copyOf(rows);
    }
  }

  /** The read could not get a lock within the timeout; {@code holder} describes who holds it, or is null. */
  public static final class Locked extends Exception {
    private final String holder;

    Locked(String holder, SQLException cause) {
      super(cause.getMessage(), cause);
      this.holder = holder;
    }

    public String holder() {
      return holder;
    }
  }

  private LiveRead() {}

  /** Reads the database; the connection is in autocommit before and after. */
  public static Live read(Connection c, VersionStore store, Duration lockTimeout) throws SQLException, Locked {
    c.setAutoCommit(false);
    try {
      try (Statement s = c.createStatement()) {
        s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        s.execute("SET LOCAL lock_timeout = '" + Math.max(1, lockTimeout.toMillis()) + "ms'");
        s.execute("SET LOCAL statement_timeout = '5min'");
        s.execute("SET LOCAL idle_in_transaction_session_timeout = '5min'");
      }
      VersionStore.Presence presence = store.look(c);
      List<String> rows = presence.versionTable() ? store.readHeads(c) : List.of();
      Optional<LogEntry> stopped = presence.logTable()
          ? store.lastEntry(c, presence.currentLog()).filter(LogEntry::stopped) : Optional.empty();
      Catalog catalog = CatalogReader.readWithin(c);
      return new Live(presence.versionTable(), rows, catalog, stopped);
    } catch (SQLException e) {
      c.rollback();
      if ("55P03".equals(e.getSQLState())) {
        throw new Locked(holder(c), e);
      }
      throw e;
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /** The oldest other session that holds an ACCESS EXCLUSIVE lock on a relation of this database, described. */
  private static String holder(Connection c) {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT a.pid, l.relation::pg_catalog.regclass::text, a.usename, a.application_name, a.state, a.query"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'relation' AND l.granted AND l.mode = 'AccessExclusiveLock'"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
            + " AND l.pid <> pg_catalog.pg_backend_pid() ORDER BY a.xact_start NULLS LAST, a.pid LIMIT 1")) {
      if (!rs.next()) {
        return null;
      }
      String query = rs.getString(6) == null ? "" : rs.getString(6).strip().lines().findFirst().orElse("");
      return rs.getString(2) + " is locked ACCESS EXCLUSIVE by pid " + rs.getInt(1) + " (user " + rs.getString(3)
          + ", application_name '" + rs.getString(4) + "', " + rs.getString(5) + (query.isEmpty() ? "" : ": " + query)
          + ")";
    } catch (SQLException e) {
      return null;
    }
  }
}
