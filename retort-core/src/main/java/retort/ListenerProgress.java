package retort;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retort.graph.Step;
import retort.run.Progress;
import retort.script.Script;

/**
 * The run's progress, told to the user's listener in public records and logged through SLF4J: one
 * line per migration with its revision, message and time, warnings for waits and retries.
 */
final class ListenerProgress implements Progress {

  private static final Logger LOG = LoggerFactory.getLogger("retort");

  private final RetortListener listener;

  ListenerProgress(RetortListener listener) {
    this.listener = listener;
  }

  @Override
  public void waitingForLock(Optional<retort.db.LockHolder> holder) {
    Optional<LockHolder> who = holder.map(h -> new LockHolder(h.pid(), h.applicationName(), h.user(), h.since(),
        h.doing()));
    LOG.warn("Waiting for the run lock, held by {}", who.map(h -> "pid " + h.pid() + " (application_name '"
        + h.applicationName() + "', user " + h.user() + ")" + (h.doing() == null ? "" : ": " + h.doing()))
        .orElse("another session"));
    listener.waitingForLock(who);
  }

  @Override
  public void stepStarted(Step step, Script script) {
    StepSummary summary = Summaries.summary(step, script);
    LOG.debug("Running {} {}, {}", summary.direction(), summary.revision(), summary.message());
    listener.stepStarted(summary);
  }

  @Override
  public void stepFinished(Step step, Script script, Duration took) {
    StepSummary summary = Summaries.summary(step, script);
    LOG.info("{} {} ({}) in {} ms", summary.direction().equals("upgrade") ? "Upgraded" : "Downgraded",
        summary.revision(), summary.message(), took.toMillis());
    listener.stepFinished(summary, took);
  }

  @Override
  public void retrying(Step step, Script script, int attempt, Duration pause) {
    StepSummary summary = Summaries.summary(step, script);
    LOG.warn("{}: lock_timeout reached, retry {} in {} ms", summary.file(), attempt, pause.toMillis());
    listener.stepRetrying(summary, attempt, pause);
  }

  @Override
  public void warning(String message) {
    LOG.warn(message);
    listener.warning(message);
  }
}
