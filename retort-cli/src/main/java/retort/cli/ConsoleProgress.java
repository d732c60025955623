package retort.cli;

import java.time.Duration;
import java.util.Optional;
import retort.LockHolder;
import retort.RetortListener;
import retort.StepSummary;

/** Prints a run's progress to standard error, one line per step, as Alembic does. */
final class ConsoleProgress implements RetortListener {

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
  public void stepStarted(StepSummary step) {
    boolean upgrade = step.direction().equals("upgrade");
    String from = String.join(", ", step.from());
    String to = String.join(", ", step.to());
    String arrow = upgrade
        ? from + " -> " + to
        : from + " -> " + (to.isEmpty() ? "<base>" : to);
    console.info("Running " + step.direction() + " " + arrow.strip() + ", " + step.message());
  }

  @Override
  public void stepRetrying(StepSummary step, int attempt, Duration pause) {
    console.info("  " + step.file() + ": lock_timeout reached, retry " + attempt + " in " + pause.toMillis() + " ms");
  }

  @Override
  public void warning(String message) {
    console.info("warning: " + message);
  }
}
