package retort.cli;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import retort.db.LockHolder;
import retort.graph.Step;
import retort.run.Progress;
import retort.script.Script;

/** Prints a run's progress to standard error, one line per step, as Alembic does. */
final class ConsoleProgress implements Progress {

  private final Console console;

  ConsoleProgress(Console console) {
    this.console = console;
  }

  @Override
  public void waitingForLock(Optional<LockHolder> holder) {
    console.info("Waiting for the run lock, held by " + holder
        .map(h -> "pid " + h.pid() + " (application_name '" + h.applicationName() + "', user " + h.user()
            + ", connected since " + h.since() + ")")
        .orElse("another session"));
  }

  @Override
  public void stepStarted(Step step, Script script) {
    List<String> down = step.revision().downRevisions();
    String from = down.isEmpty() ? "" : String.join(", ", down);
    String arrow = step.isUpgrade()
        ? from + " -> " + step.revision().id()
        : step.revision().id() + " -> " + (down.isEmpty() ? "<base>" : from);
    console.info("Running " + step.direction().word() + " " + arrow.strip() + ", " + script.message());
  }

  @Override
  public void stepFinished(Step step, Script script, Duration took) {
    // one line per step is enough; the log table has the timings
  }

  @Override
  public void retrying(Step step, Script script, int attempt, Duration pause) {
    console.info("  " + script.name() + ": lock_timeout reached, retry " + attempt + " in " + pause.toMillis() + " ms");
  }
}
