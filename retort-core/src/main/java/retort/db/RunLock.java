package retort.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The run lock: a session advisory lock held on a connection of its own for the whole run, so that
 * two runs against one version table never interleave. It is taken by polling
 * {@code pg_try_advisory_lock} for a bounded time (a blocking or transaction-level lock would hang
 * with {@code CREATE INDEX CONCURRENTLY}); its key comes from the version table's name, so two
 * projects in one database do not block each other. PostgreSQL frees it when the session ends.
 */
public final class RunLock implements AutoCloseable {

  private final Connection connection;
  private final long key;

  private RunLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
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

  private static String keyText(TableName versionTable) {
    return "retort:" + versionTable.schema() + "." + versionTable.table();
  }

  /** {@link #key} in SQL, of the text parameter {@code keyText}. */
  private static final String KEY_SQL =
      "('x' || left(encode(pg_catalog.sha256(pg_catalog.convert_to(?, 'UTF8')), 'hex'), 16))::bit(64)::bigint";

  /**
   * Takes the lock on the given connection, which then belongs to the lock, polling until
   * {@code wait} has passed; reports the holder to {@code waiting} once while it waits. Returns empty
   * when the wait ran out.
   */
  public static Optional<RunLock> acquire(Connection connection, TableName versionTable, Duration wait,
      Consumer<Optional<LockHolder>> waiting) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    boolean reported = false;
    long pause = 50;
    connection.setAutoCommit(true);
    long key;
    boolean locked;
    try (PreparedStatement s = connection.prepareStatement(
        "SELECT k, pg_try_advisory_lock(k) FROM (SELECT " + KEY_SQL + " AS k) key")) {
      s.setString(1, keyText(versionTable));
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        key = rs.getLong(1);
        locked = rs.getBoolean(2);
      }
    }
    while (!locked) {
      if (!reported) {
        waiting.accept(holder(connection, key));
        reported = true;
      }
      if (System.nanoTime() >= deadline) {
        return Optional.empty();
      }
      Thread.sleep(Math.min(pause, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
      pause = Math.min(pause * 2, 1000);
      locked = tryLock(connection, key);
    }
    return Optional.of(new RunLock(connection, key));
  }

  private static boolean tryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /** Who holds the lock of this key, from pg_locks and pg_stat_activity. */
  public static Optional<LockHolder> holder(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT a.pid, a.application_name, a.usename, a.backend_start FROM pg_catalog.pg_locks l"
            + " JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid AND l.objsubid = 1")) {
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        java.sql.Timestamp since = rs.getTimestamp(4);
        return Optional.of(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3),
            since == null ? null : since.toInstant()));
      }
    }
  }

  public long key() {
    return key;
  }

  /** Frees the lock and closes its connection. */
  @Override
  public void close() throws SQLException {
    try (Connection c = connection;
        PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, key);
      s.execute();
    }
  }
}
