package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.db.LogEntry;
import retort.db.VersionStore;
import retort.graph.Step;
import retort.script.Script;

/**
 * Applies one step. A transactional step runs its statements, its version-table change and its log
 * row in one transaction, re-run after a pause when it hits lock_timeout; a non-transactional step
 * runs statement by statement in autocommit and records how far it got.
 */
final class StepExecutor {

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private final VersionStore store;
  private final RunSettings settings;
  private final Progress progress;

  private final retort.db.ConnectionSource source;
  private final boolean checksClient;

  /**
   * An executor on the run's work connection; {@code source} gives a fresh connection to log a
   * failure when the work connection itself died.
   */
  StepExecutor(Connection connection, retort.db.ConnectionSource source, VersionStore store, RunSettings settings,
      Progress progress) throws SQLException {
    this.connection = connection;
    this.source = source;
    this.store = store;
    this.settings = settings;
    this.progress = progress;
    this.checksClient = connection.getMetaData().getDatabaseMajorVersion() >= 14;
  }

  /** Runs the step; {@code durable} false lets the commit return before its WAL is flushed. */
  void run(Step step, Script script, boolean durable, int resumeAfter) throws StepFailure, SQLException {
    List<retort.sql.Statement> statements =
        step.isUpgrade() ? script.upgrade().statements() : script.downgrade().statements();
    if (script.transactional()) {
      runInTransaction(step, script, statements, durable);
    } else {
      runInAutocommit(step, script, statements, resumeAfter);
    }
  }

  /** Opens the one transaction of a {@code --single-transaction} run, with the environment's settings. */
  void begin() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement s = connection.createStatement()) {
      s.execute(settingsSql(true));
    }
  }

  /** Runs a step inside the open transaction of the run, without committing; the caller rolls back on failure. */
  void runWithin(Step step, Script script) throws StepFailure, SQLException {
    List<retort.sql.Statement> statements =
        step.isUpgrade() ? script.upgrade().statements() : script.downgrade().statements();
    Instant started = Instant.now();
    int at = 0;
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      for (; at < statements.size(); at++) {
        s.execute(statements.get(at).sql());
      }
      at = -1;
      store.applyAndLog(connection, step.change(), entry(step, script, started, "applied", null, -1));
    } catch (SQLException e) {
      StepFailure failure = failure(script, statements, at, e, true, 0);
      rollbackQuietly();
      logFailure(step, script, started, "failed", failure.getMessage(), -1);
      throw failure;
    }
  }

  private void runInTransaction(Step step, Script script, List<retort.sql.Statement> statements, boolean durable)
      throws StepFailure, SQLException {
    for (int attempt = 1; ; attempt++) {
      Instant started = Instant.now();
      int at = -1;
      try {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
          s.setEscapeProcessing(false);
          // Round trips: the SET LOCALs travel with the first statement (the driver sends each part as
          // its own query, so error positions stay those of the statement), then one per statement,
          // one for the version change with the log row (checked before the commit), one for the commit.
          String settings = settingsSql(durable);
          if (statements.isEmpty()) {
            s.execute(settings);
          }
          for (at = 0; at < statements.size(); at++) {
            s.execute(at == 0 ? settings + ";\n" + statements.get(at).sql() : statements.get(at).sql());
          }
          at = -1;
        }
        store.applyAndLog(connection, step.change(), entry(step, script, started, "applied", null, -1));
        connection.commit();
        return;
      } catch (SQLException e) {
        rollbackQuietly();
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt <= settings.lockRetries()) {
          Duration pause = settings.retryPause().multipliedBy(1L << (attempt - 1));
          progress.retrying(step, script, attempt, pause);
          sleep(pause);
          continue;
        }
        StepFailure failure = failure(script, statements, at, e, true, 0);
        logFailure(step, script, started, "failed", failure.getMessage(), -1);
        throw failure;
      }
    }
  }

  private void runInAutocommit(Step step, Script script, List<retort.sql.Statement> statements, int resumeAfter)
      throws StepFailure, SQLException {
    Instant started = Instant.now();
    connection.setAutoCommit(true);
    int done = resumeAfter;
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sessionSettingsSql());
      for (int i = resumeAfter; i < statements.size(); i++) {
        try {
          s.execute(statements.get(i).sql());
        } catch (SQLException e) {
          StepFailure failure = failure(script, statements, i, e, false, done);
          logFailure(step, script, started, "partial", failure.getMessage(), done);
          throw failure;
        }
        done = i + 1;
      }
    }
    connection.setAutoCommit(false);
    try {
      store.applyAndLog(connection, step.change(), entry(step, script, started, "applied", null, done));
      connection.commit();
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private String settingsSql(boolean durable) {
    StringBuilder sql = new StringBuilder();
    if (settings.lockTimeout() != null) {
      sql.append("SET LOCAL lock_timeout = '").append(settings.lockTimeout().toMillis()).append("ms'; ");
    }
    if (settings.statementTimeout() != null) {
      sql.append("SET LOCAL statement_timeout = '").append(settings.statementTimeout().toMillis()).append("ms'; ");
    }
    if (checksClient) {
      // If Retort dies mid-statement, the server notices within a second and rolls back, freeing the locks.
      sql.append("SET LOCAL client_connection_check_interval = '1s'; ");
    }
    sql.append("SET LOCAL synchronous_commit = ").append(durable ? "on" : "off");
    return sql.toString();
  }

  private String sessionSettingsSql() {
    return (checksClient ? "SET client_connection_check_interval = '1s'; " : "") + "SET lock_timeout = '" + (settings.lockTimeout() == null ? 0 : settings.lockTimeout().toMillis()) + "ms';"
        + " SET statement_timeout = '"
        + (settings.statementTimeout() == null ? 0 : settings.statementTimeout().toMillis()) + "ms'";
  }

  private LogEntry entry(Step step, Script script, Instant started, String outcome, String error, int last) {
    Instant finished = Instant.now();
    return new LogEntry(0, script.id(), step.direction().word(), script.checksum(), started, finished,
        Duration.between(started, finished).toMillis(), null, settings.environment(), settings.toolVersion(),
        outcome, error, last);
  }

  private void logFailure(Step step, Script script, Instant started, String outcome, String error, int last) {
    LogEntry row = entry(step, script, started, outcome, error, last);
    try {
      connection.setAutoCommit(true);
      store.log(connection, row);
    } catch (SQLException deadConnection) {
      try (Connection fresh = source.open()) {
        store.log(fresh, row);
      } catch (SQLException ignored) {
        // the database is out of reach; the failure is reported to the user all the same
      }
    }
  }

  private StepFailure failure(Script script, List<retort.sql.Statement> statements, int at, SQLException e,
      boolean transactional, int done) {
    String state = e.getSQLState() == null ? "08006" : e.getSQLState();
    String message = e.getMessage();
    int line = 0;
    if (at >= 0 && at < statements.size()) {
      retort.sql.Statement st = statements.get(at);
      line = st.line();
      if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
        ServerErrorMessage server = p.getServerErrorMessage();
        message = server.getMessage();
        line += linesBefore(st.sql(), server.getPosition());
      }
    } else if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      message = p.getServerErrorMessage().getMessage();
    }
    String hint;
    if (transactional) {
      if (LOCK_NOT_AVAILABLE.equals(state)) {
        hint = "another session held a lock this migration needs through every retry; run again when it is idle,"
            + " or raise lock_timeout";
      } else if ("57P01".equals(state) || state.startsWith("08")) {
        hint = "the connection to the database was closed during the migration; nothing of " + script.id()
            + " was applied; run the command again";
      } else if ("25001".equals(state)) {
        hint = "this statement cannot run inside a transaction: put it in a migration of its own with"
            + " `-- transactional: false` in the header";
      } else {
        hint = "nothing of " + script.id() + " was applied; fix the statement and run the command again";
      }
    } else {
      hint = "statements 1-" + done + " of this non-transactional migration were applied and stay; fix the file, then run"
          + " `retort upgrade --resume` to continue with statement " + (done + 1) + ", or `retort stamp` to decide by hand";
    }
    return new StepFailure(script.name(), line, state, message.strip(), hint);
  }

  /** Line breaks before the server's error position, which counts characters, not UTF-16 units. */
  private static int linesBefore(String sql, int position) {
    int lines = 0;
    int[] codePoints = sql.codePoints().limit(Math.max(0, position - 1)).toArray();
    for (int c : codePoints) {
      if (c == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private void rollbackQuietly() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // a broken connection has rolled back by itself
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
