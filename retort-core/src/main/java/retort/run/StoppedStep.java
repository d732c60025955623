package retort.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import retort.db.Indexes;
import retort.db.LogEntry;
import retort.graph.Direction;
import retort.script.Script;
import retort.script.ScriptDirectory;
import retort.sql.Commands;
import retort.sql.Statement;

/**
 * A non-transactional step that did not finish, as its log row tells it: which statements completed,
 * which one failed or was interrupted (with its file and line), and what an interrupted
 * {@code CREATE INDEX CONCURRENTLY} left behind. Said the same way by {@code current},
 * {@code validate} and a run that refuses to go on.
 */
final class StoppedStep {

  private StoppedStep() {}

  /**
   * One line about the stopped step; {@code running} when another run holds the lock now, so that
   * the step may still be under way rather than stopped.
   */
  static String describe(Connection c, LogEntry p, ScriptDirectory scripts, boolean running) throws SQLException {
    Script script = scripts.script(p.revision());
    String file = script == null ? p.revision() : script.name();
    int done = Math.max(0, p.lastStatement());
    List<Statement> statements = script == null ? null
        : (p.direction().equals(Direction.UPGRADE.word()) ? script.upgrade() : script.downgrade()).statements();
    String of = statements == null ? "" : " of " + statements.size();
    String what = file + ": the non-transactional " + p.direction() + " of " + p.revision();
    if (running && LogEntry.RUNNING.equals(p.outcome())) {
      return what + " is running now: " + (done == 0 ? "no statement" + of + " has completed yet"
          : Failures.range(done) + of + (done == 1 ? " has" : " have") + " completed");
    }
    StringBuilder out = new StringBuilder(what).append(" stopped after statement ").append(done).append(of);
    if (statements == null || done >= statements.size()) {
      return out.append(LogEntry.PARTIAL.equals(p.outcome()) ? " (" + p.error() + ")" : "").toString();
    }
    Statement next = statements.get(done);
    out.append(": statement ").append(done + 1).append(" (").append(file).append(':').append(next.line()).append(')');
    if (LogEntry.PARTIAL.equals(p.outcome())) {
      out.append(" failed (").append(p.error()).append(')');
    } else {
      out.append(" was interrupted");
    }
    Optional<Commands.IndexBuild> build = Commands.concurrentIndexBuild(next.sql());
    if (build.isPresent()) {
      for (Indexes.Index index : Indexes.on(c, build.get().table(), build.get().name())) {
        out.append(index.valid()
            ? "; the index " + index.name() + " it builds is there and valid, so it had completed"
            : "; it left the index " + index.name() + " INVALID" + (build.get().name() == null
                ? " (drop it with DROP INDEX CONCURRENTLY if it is this statement's)"
                : ", which `retort upgrade --resume` drops before building it again"));
      }
    }
    return out.toString();
  }

  /** What to do about a stopped step. */
  static String hint(LogEntry p) {
    int done = Math.max(0, p.lastStatement());
    if (!p.direction().equals(Direction.UPGRADE.word())) {
      return "finish or undo the rest by hand, then set the version with `retort stamp`";
    }
    return "fix the file if a statement failed" + (done == 0 ? "" : " (keep " + Failures.range(done) + " as applied)")
        + ", then run `retort upgrade --resume` to continue with statement " + (done + 1)
        + "; or decide by hand and set the version with `retort stamp`";
  }
}
