package retort;

import java.time.Duration;
import java.util.Optional;

/**
 * What a run reports while it works, for a command line to print or an application to observe.
 * Retort also logs the same events through SLF4J (logger {@code retort}), so most applications need
 * no listener. Implementations must return quickly and must not throw.
 */
public interface RetortListener {

  /** A listener that ignores every event. */
  RetortListener NONE = new RetortListener() {};

  /** Another session holds the run lock (empty when it could not be named); called once before waiting. */
  default void waitingForLock(Optional<LockHolder> holder) {}

  /** A migration is about to run. */
  default void stepStarted(StepSummary step) {}

  /** A migration committed (for a non-transactional one: its last statement completed). */
  default void stepFinished(StepSummary step, Duration took) {}

  /** A migration hit lock_timeout, was rolled back, and will run again after {@code pause}. */
  default void stepRetrying(StepSummary step, int attempt, Duration pause) {}

  /** Something the user should know that does not stop the run, e.g. a file in versions/ that was skipped. */
  default void warning(String message) {}
}
