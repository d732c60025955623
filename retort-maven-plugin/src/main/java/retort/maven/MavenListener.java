package retort.maven;

import java.time.Duration;
import java.util.Optional;
import org.apache.maven.plugin.logging.Log;
import retort.LockHolder;
import retort.RetortListener;
import retort.StepSummary;

/** A run's progress in the build's log, in the command line's words. */
final class MavenListener implements RetortListener {

  private final Log log;

  MavenListener(Log log) {
    this.log = log;
  }

  @Override
  public void waitingForLock(Optional<LockHolder> holder) {
    log.warn("retort: waiting for the run lock" + holder.map(h -> ", held by pid " + h.pid() + " ("
        + h.applicationName() + ", " + h.user() + ")").orElse(""));
  }

  @Override
  public void stepStarted(StepSummary step) {
    log.info("Running " + step.direction() + " " + revisions(step.from()) + " -> " + revisions(step.to()) + ", "
        + step.message());
  }

  private static String revisions(java.util.List<String> ids) {
    return ids.isEmpty() ? "<base>" : String.join(", ", ids);
  }

  @Override
  public void stepFinished(StepSummary step, Duration took) {
    log.debug(step.revision() + " done in " + took.toMillis() + " ms");
  }

  @Override
  public void stepRetrying(StepSummary step, int attempt, Duration pause) {
    log.warn("retort: " + step.file() + " hit lock_timeout; attempt " + (attempt + 1) + " in " + pause.toMillis() + " ms");
  }

  @Override
  public void warning(String message) {
    log.warn("retort: " + message);
  }
}
