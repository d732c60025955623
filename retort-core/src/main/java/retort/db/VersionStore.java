package retort.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.graph.VersionChange;

/**
 * The two state tables. The version table holds the heads the database is at, one
 * {@code version_num} per row, in the shape of Alembic's {@code alembic_version}; the log table
 * beside it ({@code retort_log}, see {@link LogTable}) has one row per step.
 */
public final class VersionStore {

  public static final String LOG_TABLE = "retort_log";

  private final TableName versions;
  private final LogTable log;

  public VersionStore(TableName versions) {
    this.versions = versions;
    this.log = new LogTable(versions.sibling(LOG_TABLE));
  }

  public TableName versionTable() {
    return versions;
  }

  public TableName logTable() {
    return log.name();
  }

  public LogTable log() {
    return log;
  }

  /** Which of the state tables exist, and whether the log has this Retort's shape. */
  public record Presence(boolean schema, boolean versionTable, boolean logTable, boolean currentLog) {

    /** Whether both tables exist in this Retort's shape: nothing to create or change. */
    public boolean complete() {
      return versionTable && logTable && currentLog;
    }
  }

  /**
   * Looks up the state tables in one catalog query, without creating anything: IF NOT EXISTS alone
   * would still need CREATE rights on what exists.
   */
  public Presence look(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT to_regnamespace(?) IS NOT NULL, to_regclass(?) IS NOT NULL,"
        + " to_regclass(?) IS NOT NULL, " + log.currentShapeSql())) {
      s.setString(1, TableName.quote(versions.schema()));
      s.setString(2, versions.sql());
      s.setString(3, log.name().sql());
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return new Presence(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4));
      }
    }
  }

  /** Creates the schema and both tables where they are missing, and brings an older log to this shape; under the run lock. */
  public void create(Connection c) throws SQLException {
    ensure(c, look(c));
  }

  /** Like {@link #create}, for the presence already looked up. */
  public void ensure(Connection c, Presence p) throws SQLException {
    if (p.complete()) {
      return;
    }
    List<String> statements = createStatements();
    boolean[] present = {p.schema(), p.versionTable(), p.logTable()};
    for (int i = 0; i < statements.size(); i++) {
      if (!present[i]) {
        try (Statement s = c.createStatement()) {
          s.execute(statements.get(i));
        }
      }
    }
    if (p.logTable() && !p.currentLog()) {
      log.upgrade(c);
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
        log.createSql());
  }

  /** Whether the version table exists yet. */
  public boolean exists(Connection c) throws SQLException {
    return tableExists(c, versions);
  }

  /** Whether the log table exists yet. */
  public boolean logExists(Connection c) throws SQLException {
    return tableExists(c, log.name());
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
    execute(c, changeAndLogSql(change, e, null), change);
  }

  /**
   * Applies a non-transactional step's change to the version table and ends its running log row
   * {@code id} as applied, as one statement that fails unless the rows it changes are there.
   */
  public void changeAndFinish(Connection c, VersionChange change, long id, LogEntry e, String lockHeld)
      throws SQLException {
    List<String> arguments = changeArguments(change);
    StringBuilder sql = new StringBuilder(800);
    String revision = versionChange(sql, change, k -> Sql.literal(arguments.get(k)), "revision");
    sql.append(log.finishSql(id, revision, e, lockHeld));
    execute(c, sql.toString(), change);
  }

  private void execute(Connection c, String sql, VersionChange change) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sql);
    } catch (SQLException failure) {
      throw bookkeepingFailure(failure, change);
    }
  }

  /**
   * One statement that applies a step's change to the version table and appends its log row, and
   * fails unless every row it deletes or updates is there. Checking on the server needs no round
   * trip of its own, so the statement can travel in one message with the step's last statement and
   * its COMMIT: a missing row leaves the log row's revision NULL, and the NOT NULL constraint turns
   * that into the error {@link #bookkeepingFailure} recognises. Data-modifying CTEs run exactly once
   * whether or not the outer statement reads them, and touch different rows here.
   *
   * <p>{@code lockHeld} (a SQL boolean, or null) is checked the same way, on the log row's duration:
   * a run that lost its lock cannot commit the step.
   *
   * <p>An entry without {@code started} takes its times from the server (see {@link LogTable#values}).
   */
  public String changeAndLogSql(VersionChange change, LogEntry e, String lockHeld) {
    List<String> arguments = arguments(change, e);
    return changeAndLogSql(change, e, lockHeld, k -> Sql.literal(arguments.get(k)));
  }

  /**
   * The same statement as {@link #changeAndLogSql} prepared on the server under this name, for steps
   * of this change's shape (see {@link #shape}), with an entry timed on the server and without an error:
   * planned once per run instead of once per step.
   */
  public String prepareSql(String name, VersionChange change, LogEntry e, String lockHeld) {
    int count = arguments(change, e).size();
    StringBuilder sql = new StringBuilder("PREPARE ").append(name).append(" (");
    for (int k = 0; k < count; k++) {
      sql.append(k == 0 ? "text" : ", text");
    }
    return sql.append(") AS\n").append(changeAndLogSql(change, e, lockHeld, k -> "$" + (k + 1))).toString();
  }

  /** Runs the statement {@link #prepareSql} prepared under this name, for this step. */
  public String executeSql(String name, VersionChange change, LogEntry e) {
    StringBuilder sql = new StringBuilder("EXECUTE ").append(name).append(" (");
    List<String> arguments = arguments(change, e);
    for (int k = 0; k < arguments.size(); k++) {
      sql.append(k == 0 ? "" : ", ").append(Sql.literal(arguments.get(k)));
    }
    return sql.append(')').toString();
  }

  /** What a prepared bookkeeping statement fits: the number of rows deleted and inserted, and whether one is updated. */
  public static String shape(VersionChange change) {
    return "d" + change.deletes().size() + "u" + (change.hasUpdate() ? 1 : 0) + "i" + change.inserts().size();
  }

  /** The values that differ from step to step, in the order of the statement's parameters. */
  private static List<String> arguments(VersionChange change, LogEntry e) {
    List<String> out = changeArguments(change);
    out.addAll(LogTable.perStep(e));
    return out;
  }

  private static List<String> changeArguments(VersionChange change) {
    List<String> out = new ArrayList<>(change.deletes().size() + change.inserts().size() + 8);
    out.addAll(change.deletes());
    if (change.hasUpdate()) {
      out.add(change.updateTo());
      out.add(change.updateFrom());
    }
    out.addAll(change.inserts());
    return out;
  }

  private String changeAndLogSql(VersionChange change, LogEntry e, String lockHeld, IntFunction<String> argument) {
    StringBuilder sql = new StringBuilder(800);
    int changeArguments = changeArguments(change).size();
    List<String> values = LogTable.values(e);
    for (int i = 0; i < LogTable.PER_STEP.length; i++) {
      values.set(LogTable.PER_STEP[i], argument.apply(changeArguments + i));
    }
    if (lockHeld != null) {
      values.set(LogTable.DURATION, LogTable.unless(lockHeld, values.get(LogTable.DURATION)));
    }
    values.set(0, versionChange(sql, change, argument, values.get(0)));
    return sql.append(log.insertSql(values)).toString();
  }

  /**
   * Appends the CTEs of a version change to {@code sql}, whose arguments come first; returns the
   * {@code revision} expression of the log row, NULL unless every row the change deletes or updates
   * was there.
   */
  private String versionChange(StringBuilder sql, VersionChange change, IntFunction<String> argument, String revision) {
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
    return checks.isEmpty() ? revision : "CASE WHEN " + String.join(" AND ", checks) + " THEN " + revision + " END";
  }

  /** Forgets a statement {@link #prepareSql} prepared; for a connection that goes back to a pool. */
  public static String deallocateSql(String name) {
    return "DEALLOCATE " + name;
  }

  /** The SQLSTATE of a bookkeeping statement whose version rows were not there: the table changed under the run. */
  public static final String CHANGED_UNDER_RUN = "RT001";

  /** The SQLSTATE of a bookkeeping statement that found the run's lock gone. */
  public static final String LOCK_LOST = "RT002";

  /**
   * The failure of a bookkeeping statement, made readable when it is one of its checks: a row to
   * delete or update was not there (the version table changed under this run, {@link #CHANGED_UNDER_RUN}),
   * or the run lock is no longer held ({@link #LOCK_LOST}); any other failure as it is.
   */
  public SQLException bookkeepingFailure(SQLException e, VersionChange change) {
    if (!"23502".equals(e.getSQLState()) || !(e instanceof PSQLException p) || p.getServerErrorMessage() == null) {
      return e;
    }
    ServerErrorMessage m = p.getServerErrorMessage();
    TableName t = log.name();
    if (!t.schema().equals(m.getSchema()) || !t.table().equals(m.getTable())) {
      return e;
    }
    if ("duration_ms".equals(m.getColumn())) {
      return new SQLException("the run lock on " + versions + " is no longer held: its session ended", LOCK_LOST, e);
    }
    if (!"revision".equals(m.getColumn())) {
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
        CHANGED_UNDER_RUN, e);
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
    log.append(c, e);
  }

  /** The log, oldest first, from a log of this Retort's shape or an earlier one; empty when there is no log yet. */
  public List<LogEntry> entries(Connection c) throws SQLException {
    Presence p = look(c);
    return p.logTable() ? log.entries(c, p.currentLog()) : List.of();
  }

  /** The newest row of the log, if any, without its times; the log table must exist. */
  public Optional<LogEntry> lastEntry(Connection c) throws SQLException {
    return log.last(c, true);
  }

  /** The newest row of the log, if any, without its times, from a log of this shape or (not {@code current}) an older one. */
  public Optional<LogEntry> lastEntry(Connection c, boolean current) throws SQLException {
    return log.last(c, current);
  }

  /** See {@link LogTable#changedChecksums}. */
  public List<String> changedChecksums(Connection c, int count, Supplier<String> digest,
      Supplier<Map<String, String>> checksums) throws SQLException {
    return log.changedChecksums(c, count, digest, checksums);
  }
}
