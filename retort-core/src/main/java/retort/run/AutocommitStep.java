package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import retort.db.Indexes;
import retort.db.LockWait;
import retort.db.LogEntry;
import retort.db.OneMessage;
import retort.db.VersionStore;
import retort.graph.Step;
import retort.script.Fingerprints;
import retort.script.Script;
import retort.sql.Commands;

/**
 * A {@code transactional: false} step: its statements run one by one in autocommit, and the log
 * knows at every moment how far it got. Its log row is written with outcome {@code running} before
 * the first statement, advanced after each statement that completes (last_statement and the
 * statements' fingerprints), and finished as {@code applied} together with the version change, or
 * as {@code partial} with the error. A run killed part way leaves the row {@code running}: the next
 * run knows which statements completed and which one was interrupted. Each write checks that the run
 * still holds its lock; the session state is put back after the step.
 */
final class AutocommitStep {

  /**
   * Where a stopped step continues: after {@code done} statements, whose fingerprints the stopped
   * row recorded (null when it did not).
   */
  record Resume(int done, String fingerprints) {}

  private final StepExecutor x;
  private final Step step;
  private final Script script;
  private final List<retort.sql.Statement> statements;
  private final Resume resume;

  AutocommitStep(StepExecutor executor, Step step, Script script, List<retort.sql.Statement> statements,
      Resume resume) {
    this.x = executor;
    this.step = step;
    this.script = script;
    this.statements = statements;
    this.resume = resume;
  }

  void run() throws StepFailure, SQLException {
    Connection c = x.connection;
    c.setAutoCommit(true);
    int done = resume == null ? 0 : resume.done();
    String prints = Fingerprints.of(statements, done);
    long id;
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      x.session();
      s.execute(x.stepSettings.session(LockWait.stepName(step.direction().word(), script.id(), x.lock.pid())));
      try {
        Optional<Long> row = x.store.log().start(c, entry(LogEntry.RUNNING, done, prints), x.lock.heldSql());
        if (row.isEmpty()) {
          throw lockLost(done);
        }
        id = row.get();
        for (int i = done; i < statements.size(); i++) {
          retort.sql.Statement st = statements.get(i);
          if (i > done || resume == null || !completedBefore(st)) {
            x.watch.start();
            try {
              execute(s, st);
            } catch (SQLException e) {
              x.watch.stop();
              StepFailure failure = Failures.nonTransactional(script, statements, i, e, i, x.watch.blocker());
              stop(id, failure.getMessage());
              throw failure;
            } finally {
              x.watch.stop();
            }
          }
          done = i + 1;
          prints = prints.isEmpty() ? Fingerprints.of(st) : prints + "," + Fingerprints.of(st);
          if (!x.store.log().advance(c, id, done, prints, x.lock.heldSql())) {
            throw lockLost(done);
          }
        }
      } finally {
        restoreQuietly(s);
      }
    }
    try {
      LogEntry finished = new LogEntry(0, script.id(), step.direction().word(), script.checksum(), null, null, 0,
          null, null, null, LogEntry.APPLIED, null, done, prints, step.isUpgrade() ? Fingerprints.lines(script) : null);
      x.store.changeAndFinish(c, step.change(), id, finished, x.lock.heldSql());
    } catch (SQLException e) {
      StepFailure failure = Failures.nonTransactional(script, statements, -1, e, done, null);
      if (!VersionStore.LOCK_LOST.equals(e.getSQLState())) {
        stop(id, failure.getMessage());
      }
      throw failure;
    }
  }

  /**
   * Whether the statement a stopped run was running when it was interrupted had in fact completed:
   * an index its {@code CREATE INDEX CONCURRENTLY} builds that is there and valid. An invalid one
   * left by the interruption is dropped (without blocking writes) before the statement builds it again.
   */
  private boolean completedBefore(retort.sql.Statement st) throws SQLException {
    Optional<Commands.IndexBuild> build = Commands.concurrentIndexBuild(st.sql());
    if (build.isEmpty() || build.get().name() == null) {
      return false;
    }
    for (Indexes.Index index : Indexes.on(x.connection, build.get().table(), build.get().name())) {
      if (index.valid()) {
        x.progress.warning(script.name() + ":" + st.line() + ": the index " + index.name()
            + " is there and valid: the interrupted statement had completed; continuing after it");
        return true;
      }
      x.progress.warning(script.name() + ":" + st.line() + ": dropping the INVALID index " + index.name()
          + " that the interrupted statement left, before building it again");
      Indexes.dropConcurrently(x.connection, index);
    }
    return false;
  }

  private void execute(Statement s, retort.sql.Statement st) throws SQLException {
    if (st.copyData() != null) {
      OneMessage.copyIn(x.connection, st.sql(), st.copyData());
    } else {
      s.execute(st.sql());
    }
  }

  /** The failure of a run whose lock is gone, before statement {@code done + 1}: nothing more runs. */
  private StepFailure lockLost(int done) {
    return Failures.nonTransactional(script, statements, Math.min(done, statements.size() - 1),
        new SQLException("the run lock on " + x.store.versionTable() + " is no longer held: its session ended",
            VersionStore.LOCK_LOST), done, null);
  }

  private LogEntry entry(String outcome, int done, String prints) {
    return new LogEntry(0, script.id(), step.direction().word(), script.checksum(), null, null, 0, null,
        x.settings.environment(), x.settings.toolVersion(), outcome, null, done, prints, null, x.settings.note());
  }

  /** Ends the running row as partial with the error; on a fresh connection when the work connection died. */
  private void stop(long id, String error) {
    try {
      x.store.log().stop(x.connection, id, error);
    } catch (SQLException deadConnection) {
      try (Connection fresh = x.source.open()) {
        x.store.log().stop(fresh, id, error);
      } catch (SQLException ignored) {
        // out of reach: the row stays `running`, which the next run reads as interrupted
      }
    }
  }

  /** Puts the session back as the run found it, if the connection is still there. */
  private void restoreQuietly(Statement s) {
    try {
      for (String part : x.session().restore()) {
        s.execute(part);
      }
    } catch (SQLException ignored) {
      // the connection is gone, and its session state with it
    }
  }
}
