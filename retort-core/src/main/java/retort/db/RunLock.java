package retort.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The run lock: a session advisory lock held on a connection of its own for the whole run, so that
 * two runs against one version table never interleave. It is taken by polling
 * {@code pg_try_advisory_lock} (a blocking or transaction-level lock would hang with
 * {@code CREATE INDEX CONCURRENTLY}; see {@link LockWait}); its key comes from the version table's
 * name, so two projects in one database do not block each other. PostgreSQL frees it when the
 * session ends. A session lock needs a session of its own: behind a pooler in transaction mode it
 * would be granted to whichever server connection ran the statement, so such a pooler is detected
 * ({@link Sessions}) before the lock is taken, and refused.
 */
public final class RunLock implements AutoCloseable {

  private final Connection connection;
  private final long key;
  private final int pid;

  private RunLock(Connection connection, long key, int pid) {
    this.connection = connection;
    this.key = key;
    this.pid = pid;
  }

  /**
   * The advisory-lock key of a version table: the first 8 bytes of SHA-256 over
   * {@code retort:schema.table} in UTF-8, as a signed big-endian long. Runs compute it on the server
   * ({@link #KEY_SQL}), which spares a short-lived JVM the start-up of its security providers.
   */
  public static long key(TableName versionTable) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256")
          .digest(keyText(versionTable).getBytes(StandardCharsets.UTF_8));
      long k = 0;
      for (int i = 0; i < 8; i++) {
        k = (k << 8) | (d[i] & 0xff);
      }
      return k;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String keyText(TableName versionTable) {
    return "retort:" + versionTable.schema() + "." + versionTable.table();
  }

  /** {@link #key} in SQL, of the text parameter {@code keyText}. */
  static final String KEY_SQL =
      "('x' || left(encode(pg_catalog.sha256(pg_catalog.convert_to(?, 'UTF8')), 'hex'), 16))::bit(64)::bigint";

  /**
   * One try to take the lock on {@code connection}, made only when the session that runs the
   * statement is {@code expectedPid} (0: any): a session lock granted to a pooled server connection
   * would outlive the run. Returns the key, the session's pid, and whether the lock was taken.
   */
  static Attempt attempt(Connection connection, TableName versionTable, int expectedPid) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT k, pg_catalog.pg_backend_pid(),"
        + " CASE WHEN ? IN (0, pg_catalog.pg_backend_pid()) THEN pg_catalog.pg_try_advisory_lock(k) END"
        + " FROM (SELECT " + KEY_SQL + " AS k) key")) {
      s.setInt(1, expectedPid);
      s.setString(2, keyText(versionTable));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Attempt(rs.getLong(1), rs.getInt(2), rs.getBoolean(3));
      }
    }
  }

  /** What one try found: the key, the pid of the session that ran it, and whether it took the lock. */
  record Attempt(long key, int pid, boolean locked) {}

  /** The lock, taken on {@code connection} by the session {@code pid}. */
  static RunLock held(Connection connection, long key, int pid) {
    return new RunLock(connection, key, pid);
  }

  /** The SQL condition on pg_locks that a session holds the lock of this key. */
  static String heldBy(String pid, long key) {
    return "EXISTS (SELECT 1 FROM pg_catalog.pg_locks WHERE locktype = 'advisory' AND granted AND pid = " + pid
        + " AND classid = " + (key >>> 32) + " AND objid = " + (key & 0xffffffffL) + " AND objsubid = 1"
        + " AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database()))";
  }

  /**
   * A SQL boolean that is true while this lock is held: its session is alive and still holds it. A
   * run puts it in every step's bookkeeping, evaluated on the work connection just before the step
   * commits, so that no step commits after the lock is lost (a session that lost it never regains
   * it: once true at a commit, it was true through the whole step).
   */
  public String heldSql() {
    return heldBy(Integer.toString(pid), key);
  }

  /** Who holds the lock of this key, from pg_locks and pg_stat_activity. */
  public static Optional<LockHolder> holder(Connection c, long key) throws SQLException {
    return LockWait.holder(c, key, null);
  }

  public long key() {
    return key;
  }

  /** The pid of the session that holds the lock. */
  public int pid() {
    return pid;
  }

  /** The connection the lock is held on; idle for the whole run, so it may watch the others. */
  public Connection connection() {
    return connection;
  }

  /** Frees the lock and closes its connection. */
  @Override
  public void close() throws SQLException {
    try (Connection c = connection;
        PreparedStatement s = c.prepareStatement("SELECT pg_catalog.pg_advisory_unlock(?)")) {
      s.setLong(1, key);
      s.execute();
    }
  }
}
