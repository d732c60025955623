package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.db.LogEntry;
import retort.db.OneMessage;
import retort.db.VersionStore;
import retort.graph.Step;
import retort.script.Script;

/**
 * Applies one step. A transactional step runs its statements, its version-table change and its log
 * row in one transaction, re-run after a pause when it hits lock_timeout; a non-transactional step
 * runs statement by statement in autocommit and records how far it got.
 */
final class StepExecutor implements AutoCloseable {

  private static final String LOCK_NOT_AVAILABLE = "55P03";

  private final Connection connection;
  private final VersionStore store;
  private final RunSettings settings;
  private final Progress progress;

  private final retort.db.ConnectionSource source;
  private final boolean checksClient;
  /** The bookkeeping statements prepared on the connection, by shape; null where preparing failed. */
  private final Map<String, String> prepared = new HashMap<>();
  private final String token = Long.toHexString(new Random().nextLong() & Long.MAX_VALUE);

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
    Message message = Message.of(null, statements, store.changeAndLogSql(step.change(), serverTimedEntry(step, script)), false);
    try {
      OneMessage.send(connection, message.parts());
    } catch (OneMessage.PartFailed f) {
      StepFailure failure = failure(script, statements, message, f, step);
      rollbackQuietly();
      logFailure(step, script, started, "failed", failure.getMessage(), -1);
      throw failure;
    }
  }

  /**
   * A transactional step in one message, one round trip: its SET LOCALs, its statements, its
   * version change with its log row, and its COMMIT. The driver's BEGIN goes in front.
   */
  private void runInTransaction(Step step, Script script, List<retort.sql.Statement> statements, boolean durable)
      throws StepFailure, SQLException {
    Message message = Message.of(settingsSql(durable), statements, bookkeeping(step, script), true);
    for (int attempt = 1; ; attempt++) {
      Instant started = Instant.now();
      try {
        connection.setAutoCommit(false);
        OneMessage.send(connection, message.parts());
        connection.commit();                        // nothing left to commit: the message did
        return;
      } catch (OneMessage.PartFailed f) {
        rollbackQuietly();
        if (LOCK_NOT_AVAILABLE.equals(f.getCause().getSQLState()) && attempt <= settings.lockRetries()) {
          Duration pause = settings.retryPause().multipliedBy(1L << (attempt - 1));
          progress.retrying(step, script, attempt, pause);
          sleep(pause);
          continue;
        }
        StepFailure failure = failure(script, statements, message, f, step);
        logFailure(step, script, started, "failed", failure.getMessage(), -1);
        throw failure;
      } catch (SQLException e) {
        rollbackQuietly();
        StepFailure failure = failure(script, statements, -1, e, true, 0, false);
        logFailure(step, script, started, "failed", failure.getMessage(), -1);
        throw failure;
      }
    }
  }

  /**
   * The step's bookkeeping as an EXECUTE of a statement prepared once per shape and run (planning it
   * for every step costs about as much as running it); the plain statement where preparing failed.
   */
  private String bookkeeping(Step step, Script script) throws SQLException {
    LogEntry entry = serverTimedEntry(step, script);
    String shape = VersionStore.shape(step.change());
    if (!prepared.containsKey(shape)) {
      String name = "retort_" + shape + "_" + token;
      try (Statement s = connection.createStatement()) {
        s.execute(store.prepareSql(name, step.change(), entry));
        prepared.put(shape, name);
      } catch (SQLException e) {
        rollbackQuietly();
        prepared.put(shape, null);
      }
    }
    String name = prepared.get(shape);
    return name == null ? store.changeAndLogSql(step.change(), entry) : store.executeSql(name, step.change(), entry);
  }

  /** Forgets the prepared statements, so that a pooled connection goes back as it came. */
  @Override
  public void close() {
    try {
      if (!prepared.isEmpty() && !connection.getAutoCommit()) {
        connection.setAutoCommit(true);             // each step committed or rolled back: nothing is pending
      }
    } catch (SQLException ignored) {
      return;                                       // the connection is gone, and its prepared statements with it
    }
    for (String name : prepared.values()) {
      if (name != null) {
        try (Statement s = connection.createStatement()) {
          s.execute(VersionStore.deallocateSql(name));
        } catch (SQLException ignored) {
          // the connection is gone, and its prepared statements with it
        }
      }
    }
    prepared.clear();
  }

  /** The failure of a part of a step's message, put on its statement, its bookkeeping or its COMMIT. */
  private StepFailure failure(Script script, List<retort.sql.Statement> statements, Message message,
      OneMessage.PartFailed f, Step step) {
    int part = f.part();
    SQLException e = part == message.bookkeeping() ? store.changedUnderRun(f.getCause(), step.change()) : f.getCause();
    return failure(script, statements, message.statement(part), e, true, 0, part == message.commit());
  }

  private void runInAutocommit(Step step, Script script, List<retort.sql.Statement> statements, int resumeAfter)
      throws StepFailure, SQLException {
    Instant started = Instant.now();
    connection.setAutoCommit(true);
    int done = resumeAfter;
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sessionSettingsSql());
      try {
        for (int i = resumeAfter; i < statements.size(); i++) {
          try {
            s.execute(statements.get(i).sql());
          } catch (SQLException e) {
            StepFailure failure = failure(script, statements, i, e, false, done, false);
            logFailure(step, script, started, "partial", failure.getMessage(), done);
            throw failure;
          }
          done = i + 1;
        }
      } finally {
        resetSessionSettings(s);
      }
    }
    store.changeAndLog(connection, step.change(), entry(step, script, started, "applied", null, done));
  }

  /**
   * The step's SET LOCALs as one statement: set_config(name, value, true) is SET LOCAL, and one
   * statement costs less than four.
   */
  private String settingsSql(boolean durable) {
    List<String> calls = new ArrayList<>(4);
    if (settings.lockTimeout() != null) {
      calls.add("pg_catalog.set_config('lock_timeout', '" + settings.lockTimeout().toMillis() + "ms', true)");
    }
    if (settings.statementTimeout() != null) {
      calls.add("pg_catalog.set_config('statement_timeout', '" + settings.statementTimeout().toMillis() + "ms', true)");
    }
    if (checksClient) {
      // If Retort dies mid-statement, the server notices within a second and rolls back, freeing the locks.
      calls.add("pg_catalog.set_config('client_connection_check_interval', '1s', true)");
    }
    calls.add("pg_catalog.set_config('synchronous_commit', '" + (durable ? "on" : "off") + "', true)");
    return "SELECT " + String.join(", ", calls);
  }

  /** Puts the session's settings back to the server's, so that a pooled connection goes back as it came. */
  private void resetSessionSettings(Statement s) {
    try {
      s.execute((checksClient ? "RESET client_connection_check_interval; " : "") + "RESET lock_timeout; RESET statement_timeout");
    } catch (SQLException ignored) {
      // the connection is gone, and its settings with it
    }
  }

  private String sessionSettingsSql() {
    return (checksClient ? "SET client_connection_check_interval = '1s'; " : "") + "SET lock_timeout = '" + (settings.lockTimeout() == null ? 0 : settings.lockTimeout().toMillis()) + "ms';"
        + " SET statement_timeout = '"
        + (settings.statementTimeout() == null ? 0 : settings.statementTimeout().toMillis()) + "ms'";
  }

  /** The log row of a step that succeeds in a transaction: its times come from the server's clock. */
  private LogEntry serverTimedEntry(Step step, Script script) {
    return new LogEntry(0, script.id(), step.direction().word(), script.checksum(), null, null, 0, null,
        settings.environment(), settings.toolVersion(), "applied", null, -1);
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
      boolean transactional, int done, boolean atCommit) {
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
      } else if (atCommit) {
        hint = "the checks deferred to COMMIT failed (a DEFERRABLE constraint or a constraint trigger); nothing of "
            + script.id() + " was applied; fix the data or the statements and run the command again";
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
    return new StepFailure(script.name(), line, state, (atCommit ? "at COMMIT: " : "") + message.strip(), hint, e);
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
