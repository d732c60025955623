package retort.run;

import java.sql.SQLException;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.db.VersionStore;
import retort.script.Script;
import retort.sql.Statement;

/** How a failed step is put to the user: on its statement's file and line, with what to do next. */
final class Failures {

  static final String LOCK_NOT_AVAILABLE = "55P03";

  private Failures() {}

  /**
   * The failure of a transactional step, at statement {@code at} (-1 for a part that is not one of
   * its statements); {@code atCommit} when the COMMIT failed, {@code blocker} the session seen
   * blocking the step, or null.
   */
  static StepFailure transactional(Script script, List<Statement> statements, int at, SQLException e, boolean atCommit,
      String blocker) {
    String state = state(e);
    String hint;
    if (LOCK_NOT_AVAILABLE.equals(state)) {
      hint = "another session held a lock this migration needs through every retry"
          + (blocker == null ? "" : " (" + blocker + ")") + "; nothing of " + script.id()
          + " was applied; run again when it is idle, or raise lock_timeout";
    } else if ("57P01".equals(state) || state.startsWith("08")) {
      hint = "the connection to the database was closed during the migration; nothing of " + script.id()
          + " was applied; run the command again";
    } else if (VersionStore.LOCK_LOST.equals(state)) {
      hint = "nothing of " + script.id() + " was applied, and the run stopped: another run may have taken the lock;"
          + " see `retort current`, then run the command again";
    } else if (atCommit) {
      hint = "the checks deferred to COMMIT failed (a DEFERRABLE constraint or a constraint trigger); nothing of "
          + script.id() + " was applied; fix the data or the statements and run the command again";
    } else if ("25001".equals(state)) {
      hint = "this statement cannot run inside a transaction: put it in a migration of its own with"
          + " `-- transactional: false` in the header";
    } else {
      hint = "nothing of " + script.id() + " was applied; fix the statement and run the command again";
    }
    return failure(script, statements, at, e, (atCommit ? "at COMMIT: " : ""), blocker, hint);
  }

  /** The failure of statement {@code at} of a non-transactional step, after {@code done} statements. */
  static StepFailure nonTransactional(Script script, List<Statement> statements, int at, SQLException e, int done,
      String blocker) {
    String applied = done == 0 ? "no statement of this non-transactional migration was applied"
        : range(done) + " of this non-transactional migration " + (done == 1 ? "was" : "were") + " applied and stay";
    String hint = VersionStore.LOCK_LOST.equals(state(e))
        ? applied + "; the run stopped before statement " + (done + 1) + ": another run may have taken the lock;"
            + " see `retort current`, then run `retort upgrade --resume`"
        : applied + "; fix the file, then run `retort upgrade --resume` to continue with statement " + (done + 1)
            + (done == 0 ? "" : " (it checks that " + range(done) + " are unchanged)")
            + ", or `retort stamp` to decide by hand";
    return failure(script, statements, at, e, "", blocker, hint);
  }

  private static StepFailure failure(Script script, List<Statement> statements, int at, SQLException e, String prefix,
      String blocker, String hint) {
    String message = e.getMessage();
    int line = 0;
    if (at >= 0 && at < statements.size()) {
      Statement st = statements.get(at);
      line = st.line();
      if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
        ServerErrorMessage server = p.getServerErrorMessage();
        message = server.getMessage();
        line += linesBefore(st.sql(), server.getPosition());
      }
    } else if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      message = p.getServerErrorMessage().getMessage();
    }
    if (LOCK_NOT_AVAILABLE.equals(state(e)) && blocker != null) {
      message = message.strip() + "; blocked by " + blocker;
    }
    return new StepFailure(script.name(), line, state(e), prefix + message.strip(), hint, e);
  }

  /** "statement 1" or "statements 1-k". */
  static String range(int done) {
    return done == 1 ? "statement 1" : "statements 1-" + done;
  }

  private static String state(SQLException e) {
    return e.getSQLState() == null ? "08006" : e.getSQLState();
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
}
