package retort.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The log table ({@code retort_log}, beside the version table): one row per step, appended when the
 * step ends; a non-transactional step's row is written before its first statement with outcome
 * {@code running}, advanced after each statement, and finished when the step ends. This class is
 * the one definition of its columns and of how a row is written and read.
 */
public final class LogTable {

  /** The columns a row is written with, in the order of {@link #values}. */
  static final List<String> WRITTEN = List.of("revision", "direction", "checksum", "started", "finished",
      "duration_ms", "environment", "tool_version", "outcome", "error", "last_statement", "statements", "line_hashes",
      "note");

  /** The position of {@code duration_ms} in {@link #WRITTEN}. */
  static final int DURATION = 5;

  /** The positions in {@link #WRITTEN} of the values that differ from step to step. */
  static final int[] PER_STEP = {0, 1, 2, 6, 7, 12};

  private static final String READ = "id, revision, direction, checksum, duration_ms, db_user, environment,"
      + " tool_version, outcome, error, last_statement, statements, line_hashes, note";

  /** {@link #READ} for a table an earlier Retort made, which has no statements, line_hashes and note yet. */
  private static final String READ_OLDER = READ.replace("statements, line_hashes, note", "NULL, NULL, NULL");

  private static String read(boolean current) {
    return current ? READ : READ_OLDER;
  }

  private final TableName table;

  LogTable(TableName table) {
    this.table = table;
  }

  public TableName name() {
    return table;
  }

  /** The statement that creates the table. */
  String createSql() {
    return "CREATE TABLE IF NOT EXISTS " + table.sql() + " (\n"
        + "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
        + "    revision VARCHAR(32) NOT NULL,\n"
        + "    direction TEXT NOT NULL CHECK (direction IN ('upgrade', 'downgrade', 'stamp')),\n"
        + "    checksum TEXT,\n"
        + "    started TIMESTAMPTZ NOT NULL,\n"
        + "    finished TIMESTAMPTZ NOT NULL,\n"
        + "    duration_ms BIGINT NOT NULL,\n"
        + "    db_user TEXT NOT NULL DEFAULT current_user,\n"
        + "    environment TEXT,\n"
        + "    tool_version TEXT,\n"
        + "    outcome TEXT NOT NULL CHECK (" + OUTCOMES + "),\n"
        + "    error TEXT,\n"
        + "    last_statement INTEGER,\n"
        + "    statements TEXT,\n"
        + "    line_hashes TEXT,\n"
        + "    note TEXT\n)";
  }

  private static final String OUTCOMES = "outcome IN ('applied', 'failed', 'partial', 'running')";

  /**
   * Brings a log table made by an earlier Retort to this shape, in one statement: the two newer
   * columns (nullable, so that the old rows and an old Retort's inserts stay valid) and the outcome
   * {@code running} allowed. {@code outcomeCheck} is the name of its outcome constraint, or null.
   */
  String upgradeSql(String outcomeCheck) {
    return "ALTER TABLE " + table.sql()
        + " ADD COLUMN IF NOT EXISTS statements TEXT, ADD COLUMN IF NOT EXISTS line_hashes TEXT,"
        + " ADD COLUMN IF NOT EXISTS note TEXT,"
        + (outcomeCheck == null ? "" : " DROP CONSTRAINT " + TableName.quote(outcomeCheck) + ",")
        + " ADD CONSTRAINT " + TableName.quote(table.table() + "_outcome_check") + " CHECK (" + OUTCOMES + ")";
  }

  /** Whether the table has this Retort's shape: a SQL boolean, for the query that looks for the state tables. */
  String currentShapeSql() {
    return "(SELECT count(*) = 3 FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass("
        + Sql.literal(table.sql()) + ") AND attname IN ('statements', 'line_hashes', 'note') AND NOT attisdropped)";
  }

  /** Brings an older table to this shape; under the run lock. */
  void upgrade(Connection c) throws SQLException {
    String check = null;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT conname FROM pg_catalog.pg_constraint WHERE conrelid = to_regclass("
            + Sql.literal(table.sql()) + ") AND contype = 'c' AND pg_catalog.pg_get_constraintdef(oid) LIKE '%outcome%'")) {
      if (rs.next()) {
        check = rs.getString(1);
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute(upgradeSql(check));
    }
  }

  // ---- writing

  /**
   * The values of a row as SQL expressions, in the order of {@link #WRITTEN}. An entry without
   * {@code started} takes its times from the server: the start of the transaction and the clock at
   * the statement, so that its duration is measured on one clock.
   */
  static List<String> values(LogEntry e) {
    boolean serverTime = e.started() == null;
    return new ArrayList<>(List.of(
        Sql.literal(e.revision()),
        Sql.literal(e.direction()),
        Sql.literal(e.checksum()),
        serverTime ? "pg_catalog.transaction_timestamp()" : Sql.timestamp(e.started()),
        serverTime ? "pg_catalog.clock_timestamp()" : Sql.timestamp(e.finished()),
        serverTime ? SERVER_DURATION : Long.toString(e.durationMillis()),
        Sql.literal(e.environment()),
        Sql.literal(e.toolVersion()),
        Sql.literal(e.outcome()),
        Sql.literal(e.error()),
        e.lastStatement() < 0 ? "NULL" : Integer.toString(e.lastStatement()),
        Sql.literal(e.statements()),
        Sql.literal(e.lineHashes()),
        Sql.literal(e.note())));
  }

  private static final String SERVER_DURATION =
      "(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - pg_catalog.transaction_timestamp()) * 1000)::bigint";

  /** The raw values of an entry that differ from step to step, in the order of {@link #PER_STEP}. */
  static List<String> perStep(LogEntry e) {
    return java.util.Arrays.asList(e.revision(), e.direction(), e.checksum(), e.environment(), e.toolVersion(),
        e.lineHashes());
  }

  /** {@code INSERT INTO log (columns) SELECT values}, the values as {@link #values} gives them. */
  String insertSql(List<String> values) {
    return "INSERT INTO " + table.sql() + " (" + String.join(", ", WRITTEN) + ")\nSELECT " + String.join(", ", values);
  }

  /** The statement that appends this row. */
  public String appendSql(LogEntry e) {
    return insertSql(values(e));
  }

  /** Appends one row, in the caller's transaction. */
  public void append(Connection c, LogEntry e) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.executeUpdate(appendSql(e));
    }
  }

  /**
   * Appends the {@code running} row of a non-transactional step, timed on the server, in autocommit,
   * when {@code condition} (a SQL boolean: the run still holds its lock) holds; returns its id, or
   * empty when the condition did not hold and nothing was written.
   */
  public Optional<Long> start(Connection c, LogEntry e, String condition) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      try (ResultSet rs = s.executeQuery(insertSql(values(e)) + " WHERE " + condition + " RETURNING id")) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /**
   * Records that a running step completed {@code done} statements with these fingerprints, when
   * {@code condition} holds; returns whether it did.
   */
  public boolean advance(Connection c, long id, int done, String statements, String condition) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      return s.executeUpdate("UPDATE " + table.sql() + " SET last_statement = " + done + ", statements = "
          + Sql.literal(statements) + ", finished = pg_catalog.clock_timestamp(), duration_ms = "
          + sinceStarted() + " WHERE id = " + id + " AND " + condition) == 1;
    }
  }

  /** Ends a running step that stopped on an error: outcome {@code partial}, the error, how far it got. */
  public void stop(Connection c, long id, String error) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.executeUpdate("UPDATE " + table.sql() + " SET outcome = 'partial', error = " + Sql.literal(error)
          + ", finished = pg_catalog.clock_timestamp(), duration_ms = " + sinceStarted()
          + " WHERE id = " + id + " AND outcome = 'running'");
    }
  }

  /**
   * The statement that ends a running step as applied, with the values it had not known before; the
   * {@code revision} expression lets the caller make it fail (NULL) when its checks do not hold.
   */
  String finishSql(long id, String revision, LogEntry e, String lockHeld) {
    return "UPDATE " + table.sql() + " SET revision = " + revision + ", outcome = 'applied', checksum = "
        + Sql.literal(e.checksum()) + ", line_hashes = " + Sql.literal(e.lineHashes())
        + ", last_statement = " + e.lastStatement() + ", statements = " + Sql.literal(e.statements())
        + ", finished = pg_catalog.clock_timestamp(), duration_ms = "
        + (lockHeld == null ? sinceStarted() : unless(lockHeld, sinceStarted())) + " WHERE id = " + id;
  }

  /** A value that is NULL, so that a NOT NULL column refuses the row, unless the condition holds. */
  static String unless(String condition, String value) {
    return "CASE WHEN " + condition + " THEN " + value + " END";
  }

  private static String sinceStarted() {
    return "(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - started) * 1000)::bigint";
  }

  // ---- reading

  /** The log, oldest first; the table must exist, in this Retort's shape when {@code current}. */
  public List<LogEntry> entries(Connection c, boolean current) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + read(current) + ", started, finished FROM " + table.sql()
            + " ORDER BY id")) {
      while (rs.next()) {
        out.add(entry(rs, instant(rs.getTimestamp(15)), instant(rs.getTimestamp(16))));
      }
    }
    return out;
  }

  /**
   * The newest row, if any, without its times (the driver's first timestamp costs a calendar's worth
   * of start-up, and a run only asks whether the last step stopped part way); the table must exist,
   * in this Retort's shape when {@code current}.
   */
  public Optional<LogEntry> last(Connection c, boolean current) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + read(current) + " FROM " + table.sql() + " ORDER BY id DESC LIMIT 1")) {
      return rs.next() ? Optional.of(entry(rs, null, null)) : Optional.empty();
    }
  }

  /** The row at the cursor, read as {@link #READ} lists its columns. */
  private static LogEntry entry(ResultSet rs, Instant started, Instant finished) throws SQLException {
    int last = rs.getInt(11);
    if (rs.wasNull()) {
      last = -1;
    }
    return new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), started, finished,
        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
        last, rs.getString(12), rs.getString(13), rs.getString(14));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  /**
   * The last applied row (upgrade or stamp, not undone by a downgrade) of each of these revisions.
   */
  public Map<String, LogEntry> lastApplied(Connection c, List<String> revisions, boolean current) throws SQLException {
    Map<String, LogEntry> out = new java.util.HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT " + read(current) + " FROM (SELECT DISTINCT ON (revision) *"
        + " FROM " + table.sql() + " WHERE outcome = 'applied' AND checksum IS NOT NULL AND revision = ANY (?)"
        + " ORDER BY revision, id DESC) l WHERE direction <> 'downgrade'")) {
      s.setArray(1, c.createArrayOf("text", revisions.toArray()));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          LogEntry e = entry(rs, null, null);
          out.put(e.revision(), e);
        }
      }
    }
    return out;
  }

  /**
   * The revisions, among these, whose last applied step (upgrade or stamp, not undone by a downgrade)
   * logged a checksum other than the one given. First the cheap look: the log's count and MD5 digest
   * of the last applied checksums against {@code digest} (computed as {@code retort.script.Checksum.digest}
   * computes it, on a thread of its own while the server computes the log's), so that one row comes
   * back; only when they differ are the checksums sent and compared on the server.
   */
  public List<String> changedChecksums(Connection c, int count, Supplier<String> digest,
      Supplier<Map<String, String>> checksums) throws SQLException {
    CompletableFuture<String> files = CompletableFuture.supplyAsync(digest);
    if (sameDigest(c, count, files)) {
      return List.of();
    }
    Map<String, String> all = checksums.get();
    String[] revisions = all.keySet().toArray(new String[0]);
    String[] sums = new String[revisions.length];
    for (int i = 0; i < revisions.length; i++) {
      sums[i] = all.get(revisions[i]);
    }
    List<String> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT l.revision FROM (SELECT DISTINCT ON (revision)"
        + " revision, direction, checksum FROM " + table.sql() + " WHERE outcome = 'applied' AND checksum IS NOT NULL"
        + " ORDER BY revision, id DESC) l JOIN unnest(?::text[], ?::text[]) AS f (revision, checksum)"
        + " ON f.revision = l.revision WHERE l.direction <> 'downgrade' AND l.checksum <> f.checksum"
        + " ORDER BY l.revision")) {
      s.setArray(1, c.createArrayOf("text", revisions));
      s.setArray(2, c.createArrayOf("text", sums));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /** Whether the log's last applied checksums number {@code count} and have the files' digest. */
  private boolean sameDigest(Connection c, int count, CompletableFuture<String> files) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*), coalesce(md5(string_agg(r || ':' || checksum, ',' ORDER BY r)), '')"
            + " FROM (SELECT DISTINCT ON (revision COLLATE \"C\") revision COLLATE \"C\" AS r, direction, checksum"
            + " FROM " + table.sql() + " WHERE outcome = 'applied' AND checksum IS NOT NULL"
            + " ORDER BY revision COLLATE \"C\", id DESC) l WHERE direction <> 'downgrade'")) {
      rs.next();
      return rs.getLong(1) == count && (count == 0 || rs.getString(2).equals(files.join()));
    }
  }
}
