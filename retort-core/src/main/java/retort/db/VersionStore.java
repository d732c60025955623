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

  /** Applies one step's change to the version table, in the caller's transaction. */
  public void apply(Connection c, VersionChange change) throws SQLException {
    if (!change.deletes().isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM " + versions.sql() + " WHERE version_num = ?")) {
        for (String id : change.deletes()) {
          s.setString(1, id);
          expectOne(s.executeUpdate(), "delete", id);
        }
      }
    }
    if (change.hasUpdate()) {
      try (PreparedStatement s =
          c.prepareStatement("UPDATE " + versions.sql() + " SET version_num = ? WHERE version_num = ?")) {
        s.setString(1, change.updateTo());
        s.setString(2, change.updateFrom());
        expectOne(s.executeUpdate(), "update", change.updateFrom());
      }
    }
    if (!change.inserts().isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO " + versions.sql() + " (version_num) VALUES (?)")) {
        for (String id : change.inserts()) {
          s.setString(1, id);
          s.executeUpdate();
        }
      }
    }
  }

  /**
   * Applies one step's change to the version table and appends its log row, in the caller's
   * transaction and in one round trip: the statements go as one multi-statement string of literals,
   * and each row count is checked as {@link #apply} checks it.
   */
  public void applyAndLog(Connection c, VersionChange change, LogEntry e) throws SQLException {
    StringBuilder sql = new StringBuilder(640);
    List<String[]> checks = new ArrayList<>(4);     // {what, id} per statement; null: any row count
    for (String id : change.deletes()) {
      sql.append("DELETE FROM ").append(versions.sql()).append(" WHERE version_num = ").append(literal(id)).append(";\n");
      checks.add(new String[] {"delete", id});
    }
    if (change.hasUpdate()) {
      sql.append("UPDATE ").append(versions.sql()).append(" SET version_num = ").append(literal(change.updateTo()))
          .append(" WHERE version_num = ").append(literal(change.updateFrom())).append(";\n");
      checks.add(new String[] {"update", change.updateFrom()});
    }
    for (String id : change.inserts()) {
      sql.append("INSERT INTO ").append(versions.sql()).append(" (version_num) VALUES (").append(literal(id)).append(");\n");
      checks.add(null);
    }
    sql.append("INSERT INTO ").append(log.sql()).append(" (revision, direction, checksum, started, finished, duration_ms,"
            + " environment, tool_version, outcome, error, last_statement) VALUES (")
        .append(literal(e.revision())).append(", ").append(literal(e.direction())).append(", ")
        .append(literal(e.checksum())).append(", ").append(timestamp(e.started())).append(", ")
        .append(timestamp(e.finished())).append(", ").append(e.durationMillis()).append(", ")
        .append(literal(e.environment())).append(", ").append(literal(e.toolVersion())).append(", ")
        .append(literal(e.outcome())).append(", ").append(literal(e.error())).append(", ")
        .append(e.lastStatement() < 0 ? "NULL" : Integer.toString(e.lastStatement())).append(')');
    checks.add(null);
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sql.toString());
      for (String[] check : checks) {
        int count = s.getUpdateCount();
        if (check != null) {
          expectOne(count, check[0], check[1]);
        }
        s.getMoreResults();
      }
    }
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

  private void expectOne(int count, String what, String id) throws SQLException {
    if (count != 1) {
      throw new SQLException("the version table " + versions + " changed under this run: expected to " + what
          + " the row " + id + " but found " + count + " rows", "RT001");
    }
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

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
