package retort.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Taking the run lock: one try at once, then, while another run holds it, a try every second or so
 * for at most {@code wait}, giving up sooner when the holder has shown no progress for
 * {@code stall}. Progress is a new or advanced row in the log, or the holder's work session busy
 * with a statement. While waiting it reports who holds the lock and what that run is doing, each
 * time that changes.
 */
public final class LockWait {


  private final TableName versionTable;
  private final TableName logTable;
  private final Duration wait;
  private final Duration stall;
  private final Consumer<Optional<LockHolder>> report;
  private Optional<LockHolder> lastHolder = Optional.empty();
  private boolean stalled;

  public LockWait(TableName versionTable, TableName logTable, Duration wait, Duration stall,
      Consumer<Optional<LockHolder>> report) {
    this.versionTable = versionTable;
    this.logTable = logTable;
    this.wait = wait;
    this.stall = stall.compareTo(wait) < 0 ? stall : wait;
    this.report = report;
  }

  /** The holder as last reported. */
  public Optional<LockHolder> lastHolder() {
    return lastHolder;
  }

  /** Whether the wait ended early because the holder showed no progress. */
  public boolean stalled() {
    return stalled;
  }

  /**
   * Takes the lock on {@code lock}, which then belongs to the lock; {@code work} is the run's other
   * connection (null for none, or the same session lent twice, see {@link SharedConnection}), used to
   * tell a pooler in transaction mode, which is refused before any lock is taken. Returns empty when
   * the wait ran out.
   */
  public Optional<RunLock> acquire(Connection lock, Connection work)
      throws SQLException, InterruptedException, Sessions.Pooled {
    lock.setAutoCommit(true);
    int startup = Sessions.startupPid(lock);
    RunLock.Attempt first = RunLock.attempt(lock, versionTable, startup == 0 ? -1 : startup);
    int pid = first.pid();
    boolean locked = first.locked();
    if (pid != startup) {
      Sessions.requireOwnSession(lock, pid, SharedConnection.sameConnection(lock, work) ? null : work);
      locked = tryAgain(lock, pid);
    }
    long start = System.nanoTime();
    long deadline = start + wait.toNanos();
    long lastProgress = start;
    long nextStatus = start;
    long pause = 50;
    Object progress = null;
    boolean reported = false;
    while (!locked) {
      long now = System.nanoTime();
      if (now >= nextStatus) {
        nextStatus = now + Math.max(250_000_000L, Math.min(2_000_000_000L, stall.toNanos() / 2));
        Status s = status(lock, first.key());
        if (progress == null || !Objects.equals(s.progress(), progress) || s.busy()) {
          lastProgress = now;
        }
        progress = s.progress();
        if (!reported || !told(s.holder()).equals(told(lastHolder))) {
          reported = true;
          lastHolder = s.holder();
          report.accept(lastHolder);
        }
      }
      if (now >= deadline) {
        return Optional.empty();
      }
      if (now - lastProgress >= stall.toNanos()) {
        stalled = true;
        return Optional.empty();
      }
      Thread.sleep(Math.min(pause, Math.max(1, (deadline - now) / 1_000_000)));
      pause = Math.min(pause * 2, 1000);
      locked = tryAgain(lock, pid);
    }
    return Optional.of(RunLock.held(lock, first.key(), pid));
  }

  /** What a report says of a holder: a holder is reported again when this changes. */
  private static java.util.List<Object> told(Optional<LockHolder> h) {
    return java.util.Arrays.asList(h.map(LockHolder::pid).orElse(null), h.map(LockHolder::doing).orElse(null));
  }

  /** Tries the lock again, in the same session as before or not at all. */
  private boolean tryAgain(Connection lock, int pid) throws SQLException, Sessions.Pooled {
    RunLock.Attempt again = RunLock.attempt(lock, versionTable, pid);
    if (again.pid() != pid) {
      throw Sessions.moved(pid, again.pid());
    }
    return again.locked();
  }

  /** The holder, what its run shows of its progress, and whether its work session is busy. */
  private record Status(Optional<LockHolder> holder, Object progress, boolean busy) {}

  private Status status(Connection c, long key) throws SQLException {
    Optional<LockHolder> holder = holder(c, key, logTable);
    Object logged = null;
    if (logTable != null) {
      try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
        s.setString(1, logTable.sql());
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          if (rs.getBoolean(1)) {
            logged = lastLogged(c);
          }
        }
      }
    }
    String work = holder.map(LockHolder::doing).orElse(null);
    boolean busy = work != null && work.contains(" (active");
    return new Status(holder, java.util.Arrays.asList(logged, holder.map(LockHolder::pid).orElse(null), work,
        holder.map(LockHolder::statementStarted).orElse(null)), busy);
  }

  private String lastLogged(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id || ' ' || outcome || ' ' || coalesce(last_statement, -1) FROM "
            + logTable.sql() + " ORDER BY id DESC LIMIT 1")) {
      return rs.next() ? rs.getString(1) : "";
    }
  }

  /**
   * Who holds the lock of this key, from pg_locks and pg_stat_activity, and what its run is doing:
   * the session that runs its step names the step in its application_name (see
   * {@link #stepName}); the running row of its log, when the step is not transactional, says how far it got.
   */
  static Optional<LockHolder> holder(Connection c, long key, TableName logTable) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT a.pid, a.application_name, a.usename, a.backend_start, w.application_name, w.state,"
            + " w.query_start, w.query"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " LEFT JOIN LATERAL (SELECT * FROM pg_catalog.pg_stat_activity w"
            + "   WHERE w.application_name LIKE 'retort % lock ' || a.pid ORDER BY w.pid LIMIT 1) w ON true"
            + " WHERE l.locktype = 'advisory' AND l.granted"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"
            + " AND l.classid = ?::bigint::oid AND l.objid = ?::bigint::oid AND l.objsubid = 1")) {
      s.setLong(1, key >>> 32);
      s.setLong(2, key & 0xffffffffL);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        Timestamp since = rs.getTimestamp(4);
        String step = rs.getString(5);
        String doing = null;
        if (step != null) {
          String[] words = step.split(" ");
          String query = rs.getString(8) == null ? "" : rs.getString(8).strip().lines().findFirst().orElse("");
          doing = "running " + words[1] + " " + words[2] + " (" + rs.getString(6)
              + (query.isEmpty() ? "" : ": " + query) + ")";
        }
        Timestamp started = rs.getTimestamp(7);
        return Optional.of(new LockHolder(rs.getInt(1), rs.getString(2), rs.getString(3),
            since == null ? null : since.toInstant(), doing, started == null ? null : started.toInstant()));
      }
    }
  }

  /**
   * The application_name of a run's work session while it runs a step: Retort's name, the step,
   * and the pid of the session that holds the run's lock, so that a waiting run can find it; at most
   * 63 characters, as PostgreSQL keeps them.
   */
  public static String stepName(String direction, String revision, int lockPid) {
    String name = "retort " + direction + " " + revision + " lock " + lockPid;
    return name.length() <= 63 ? name : name.substring(0, 63);
  }
}
