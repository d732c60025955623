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
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.graph.VersionChange;

/**
 * The two state tables. The version table holds the heads the database is at, one
 * {@code version_num} per row, in the shape of Alembic's {@code alembic_version}; the log table
 * beside it ({@code retort_log}) is append-only, one row per step.
 */
public final class VersionStore {

  public static final String LOG_TABLE = "retort_log";

  private final TableName versions;
  private final TableName log;

  public VersionStore(TableName versions) {
    this.versions = versions;
    this.log = versions.sibling(LOG_TABLE);
  }

  public TableName versionTable() {
    return versions;
  }

  public TableName logTable() {
    return log;
  }

  /**
   * Creates the schema and both tables where they are missing; run under the run lock. One catalog
   * query finds what exists: IF NOT EXISTS alone would still need CREATE rights on what exists.
   */
  public void create(Connection c) throws SQLException {
    boolean[] present = new boolean[3];
    try (PreparedStatement s = c.prepareStatement(
        "SELECT to_regnamespace(?) IS NOT NULL, to_regclass(?) IS NOT NULL, to_regclass(?) IS NOT NULL")) {
      s.setString(1, TableName.quote(versions.schema()));
      s.setString(2, versions.sql());
      s.setString(3, log.sql());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        for (int i = 0; i < present.length; i++) {
          present[i] = rs.getBoolean(i + 1);
        }
      }
    }
    List<String> statements = createStatements();
    for (int i = 0; i < statements.size(); i++) {
      if (!present[i]) {
        try (Statement s = c.createStatement()) {
          s.execute(statements.get(i));
        }
      }
    }
  }

  /** The statements that create the state tables, as {@code create} runs them and {@code --sql} prints them. */
  public List<String> createStatements() {
    String pk = TableName.quote(versions.table() + "_pkc");
    return List.of(
        "CREATE SCHEMA IF NOT EXISTS " + TableName.quote(versions.schema()),
        "CREATE TABLE IF NOT EXISTS " + versions.sql() + " (\n"
            + "    version_num VARCHAR(32) NOT NULL,\n"
            + "    CONSTRAINT " + pk + " PRIMARY KEY (version_num)\n)",
        "CREATE TABLE IF NOT EXISTS " + log.sql() + " (\n"
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
            + "    outcome TEXT NOT NULL CHECK (outcome IN ('applied', 'failed', 'partial')),\n"
            + "    error TEXT,\n"
            + "    last_statement INTEGER\n)");
  }

  /** Whether the version table exists yet. */
  public boolean exists(Connection c) throws SQLException {
    return tableExists(c, versions);
  }

  /** Whether the log table exists yet. */
  public boolean logExists(Connection c) throws SQLException {
    return tableExists(c, log);
  }

  private static boolean tableExists(Connection c, TableName t) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT 1 FROM pg_catalog.pg_class k JOIN pg_catalog.pg_namespace n ON n.oid = k.relnamespace"
            + " WHERE n.nspname = ? AND k.relname = ? AND k.relkind IN ('r', 'p')")) {
      s.setString(1, t.schema());
      s.setString(2, t.table());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The rows of the version table, empty when the table does not exist yet. */
  public List<String> heads(Connection c) throws SQLException {
    return exists(c) ? readHeads(c) : List.of();
  }

  /** The rows of the version table, which must exist (after {@link #create}). */
  public List<String> readHeads(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM " + versions.sql() + " ORDER BY version_num")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  /**
   * Applies one step's change to the version table and appends its log row, as one statement (see
   * {@link #changeAndLogSql}); in autocommit it is a transaction of its own.
   */
  public void changeAndLog(Connection c, VersionChange change, LogEntry e) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(changeAndLogSql(change, e));
    } catch (SQLException failure) {
      throw changedUnderRun(failure, change);
    }
  }

  /**
   * One statement that applies a step's change to the version table and appends its log row, and
   * fails unless every row it deletes or updates is there. Checking on the server needs no round
   * trip of its own, so the statement can travel in one message with the step's last statement and
   * its COMMIT: a missing row leaves the log row's revision NULL, and the NOT NULL constraint turns
   * that into the error {@link #changedUnderRun} recognises. Data-modifying CTEs run exactly once
   * whether or not the outer statement reads them, and touch different rows here.
   *
   * <p>An entry without {@code started} takes its times from the server: the start of the
   * transaction and the clock at this statement, so that the duration is measured on one clock.
   */
  public String changeAndLogSql(VersionChange change, LogEntry e) {
    List<String> arguments = arguments(change, e);
    return changeAndLogSql(change, e, k -> literal(arguments.get(k)));
  }

  /**
   * The same statement as {@link #changeAndLogSql} prepared on the server under this name, for steps
   * of this change's shape (see {@link #shape}), with an entry timed on the server and without an error:
   * planned once per run instead of once per step.
   */
  public String prepareSql(String name, VersionChange change, LogEntry e) {
    int count = arguments(change, e).size();
    StringBuilder sql = new StringBuilder("PREPARE ").append(name).append(" (");
    for (int k = 0; k < count; k++) {
      sql.append(k == 0 ? "text" : ", text");
    }
    return sql.append(") AS\n").append(changeAndLogSql(change, e, k -> "$" + (k + 1))).toString();
  }

  /** Runs the statement {@link #prepareSql} prepared under this name, for this step. */
  public String executeSql(String name, VersionChange change, LogEntry e) {
    StringBuilder sql = new StringBuilder("EXECUTE ").append(name).append(" (");
    List<String> arguments = arguments(change, e);
    for (int k = 0; k < arguments.size(); k++) {
      sql.append(k == 0 ? "" : ", ").append(literal(arguments.get(k)));
    }
    return sql.append(')').toString();
  }

  /** What a prepared bookkeeping statement fits: the number of rows deleted and inserted, and whether one is updated. */
  public static String shape(VersionChange change) {
    return "d" + change.deletes().size() + "u" + (change.hasUpdate() ? 1 : 0) + "i" + change.inserts().size();
  }

  /** The values that differ from step to step, in the order of the statement's parameters. */
  private static List<String> arguments(VersionChange change, LogEntry e) {
    List<String> out = new ArrayList<>(change.deletes().size() + change.inserts().size() + 7);
    out.addAll(change.deletes());
    if (change.hasUpdate()) {
      out.add(change.updateTo());
      out.add(change.updateFrom());
    }
    out.addAll(change.inserts());
    out.add(e.revision());
    out.add(e.direction());
    out.add(e.checksum());
    out.add(e.environment());
    out.add(e.toolVersion());
    return out;
  }

  private String changeAndLogSql(VersionChange change, LogEntry e, IntFunction<String> argument) {
    StringBuilder sql = new StringBuilder(800);
    List<String> checks = new ArrayList<>(2);
    String with = "WITH ";
    int k = 0;
    if (!change.deletes().isEmpty()) {
      sql.append(with).append("d AS (DELETE FROM ").append(versions.sql()).append(" WHERE version_num IN (");
      for (int i = 0; i < change.deletes().size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(argument.apply(k++));
      }
      sql.append(") RETURNING 1)");
      checks.add("(SELECT count(*) FROM d) = " + change.deletes().size());
      with = ",\n     ";
    }
    if (change.hasUpdate()) {
      sql.append(with).append("u AS (UPDATE ").append(versions.sql()).append(" SET version_num = ")
          .append(argument.apply(k++)).append(" WHERE version_num = ").append(argument.apply(k++))
          .append(" RETURNING 1)");
      checks.add("(SELECT count(*) FROM u) = 1");
      with = ",\n     ";
    }
    if (!change.inserts().isEmpty()) {
      sql.append(with).append("i AS (INSERT INTO ").append(versions.sql()).append(" (version_num) VALUES ");
      for (int i = 0; i < change.inserts().size(); i++) {
        sql.append(i == 0 ? "(" : ", (").append(argument.apply(k++)).append(')');
      }
      sql.append(" RETURNING 1)");
    }
    if (sql.length() > 0) {
      sql.append('\n');
    }
    String revision = argument.apply(k++);
    if (!checks.isEmpty()) {
      revision = "CASE WHEN " + String.join(" AND ", checks) + " THEN " + revision + " END";
    }
    String started = e.started() == null ? "pg_catalog.transaction_timestamp()" : timestamp(e.started());
    String finished = e.started() == null ? "pg_catalog.clock_timestamp()" : timestamp(e.finished());
    String duration = e.started() == null
        ? "(pg_catalog.date_part('epoch', pg_catalog.clock_timestamp() - pg_catalog.transaction_timestamp()) * 1000)::bigint"
        : Long.toString(e.durationMillis());
    sql.append("INSERT INTO ").append(log.sql()).append(" (revision, direction, checksum, started, finished, duration_ms,"
            + " environment, tool_version, outcome, error, last_statement)\nSELECT ")
        .append(revision).append(", ").append(argument.apply(k++)).append(", ")
        .append(argument.apply(k++)).append(", ").append(started).append(", ")
        .append(finished).append(", ").append(duration).append(", ")
        .append(argument.apply(k++)).append(", ").append(argument.apply(k++)).append(", ")
        .append(literal(e.outcome())).append(", ").append(literal(e.error())).append(", ")
        .append(e.lastStatement() < 0 ? "NULL" : Integer.toString(e.lastStatement()));
    return sql.toString();
  }

  /** Forgets a statement {@link #prepareSql} prepared; for a connection that goes back to a pool. */
  public static String deallocateSql(String name) {
    return "DEALLOCATE " + name;
  }

  /**
   * The failure of {@link #changeAndLogSql}, made readable when it is the failed check (a row to
   * delete or update was not there: the version table changed under this run); any other failure
   * as it is.
   */
  public SQLException changedUnderRun(SQLException e, VersionChange change) {
    if (!"23502".equals(e.getSQLState()) || !(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
      return e;
    }
    ServerErrorMessage m = p.getServerErrorMessage();
    if (!log.schema().equals(m.getSchema()) || !log.table().equals(m.getTable()) || !"revision".equals(m.getColumn())) {
      return e;
    }
    List<String> expected = new ArrayList<>();
    if (!change.deletes().isEmpty()) {
      expected.add("delete the row" + (change.deletes().size() == 1 ? " " : "s ") + String.join(", ", change.deletes()));
    }
    if (change.hasUpdate()) {
      expected.add("update the row " + change.updateFrom());
    }
    return new SQLException("the version table " + versions + " changed under this run: expected to "
        + String.join(" and ", expected) + ", but "
        + (expected.size() == 1 && change.deletes().size() < 2 ? "it was not there" : "not all of them were there"),
        "RT001", e);
  }

  /** A string literal that reads the same whatever standard_conforming_strings says. */
  static String literal(String value) {
    if (value == null) {
      return "NULL";
    }
    StringBuilder out = new StringBuilder(value.length() + 3).append("E'");
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\'' || ch == '\\') {
        out.append(ch);
      } else if (ch == 0) {
        continue;                                   // PostgreSQL text cannot hold NUL
      }
      out.append(ch);
    }
    return out.append('\'').toString();
  }

  private static String timestamp(Instant t) {
    return t == null ? "NULL" : "'" + t + "'::timestamptz";
  }

  /** Replaces every row of the version table with these. */
  public void replace(Connection c, List<String> rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM " + versions.sql());
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO " + versions.sql() + " (version_num) VALUES (?)")) {
      for (String id : rows) {
        s.setString(1, id);
        s.executeUpdate();
      }
    }
  }

  /** Appends one row to the log, in the caller's transaction. */
  public void log(Connection c, LogEntry e) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO " + log.sql() + " (revision, direction, checksum, started, finished, duration_ms,"
            + " environment, tool_version, outcome, error, last_statement)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, e.revision());
      s.setString(2, e.direction());
      s.setString(3, e.checksum());
      s.setTimestamp(4, Timestamp.from(e.started()));
      s.setTimestamp(5, Timestamp.from(e.finished()));
      s.setLong(6, e.durationMillis());
      s.setString(7, e.environment());
      s.setString(8, e.toolVersion());
      s.setString(9, e.outcome());
      s.setString(10, e.error());
      if (e.lastStatement() < 0) {
        s.setNull(11, java.sql.Types.INTEGER);
      } else {
        s.setInt(11, e.lastStatement());
      }
      s.executeUpdate();
    }
  }

  /** The log, oldest first; empty when the log table does not exist yet. */
  public List<LogEntry> entries(Connection c) throws SQLException {
    return tableExists(c, log) ? readEntries(c) : List.of();
  }

  /** The log, oldest first; the log table must exist (after {@link #create}). */
  public List<LogEntry> readEntries(Connection c) throws SQLException {
    List<LogEntry> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, revision, direction, checksum, started, finished, duration_ms,"
            + " db_user, environment, tool_version, outcome, error, last_statement FROM " + log.sql() + " ORDER BY id")) {
      while (rs.next()) {
        int last = rs.getInt(13);
        out.add(new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)), rs.getLong(7), rs.getString(8),
            rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.wasNull() ? -1 : last));
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
        + " revision, direction, checksum FROM " + log.sql() + " WHERE outcome = 'applied' AND checksum IS NOT NULL"
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
            + " FROM " + log.sql() + " WHERE outcome = 'applied' AND checksum IS NOT NULL"
            + " ORDER BY revision COLLATE \"C\", id DESC) l WHERE direction <> 'downgrade'")) {
      rs.next();
      return rs.getLong(1) == count && (count == 0 || rs.getString(2).equals(files.join()));
    }
  }

  /**
   * The newest row of the log, if any, without its times (the driver's first timestamp costs a
   * calendar's worth of start-up, and a run only asks whether the last step stopped part way); the
   * log table must exist.
   */
  public Optional<LogEntry> lastEntry(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, revision, direction, checksum, duration_ms, db_user, environment,"
            + " tool_version, outcome, error, last_statement FROM " + log.sql() + " ORDER BY id DESC LIMIT 1")) {
      if (!rs.next()) {
        return Optional.empty();
      }
      int last = rs.getInt(11);
      return Optional.of(new LogEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), null, null,
          rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
          rs.wasNull() ? -1 : last));
    }
  }


  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
