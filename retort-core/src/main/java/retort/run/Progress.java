package retort.run;

import java.time.Duration;
import java.util.Optional;
import retort.db.LockHolder;
import retort.graph.Step;
import retort.script.Script;

/** What a run reports while it works. Implementations must not throw and must not block for long. */
public interface Progress {

  Progress SILENT = new Progress() {};

  /** Another session holds the run lock; called once before waiting. */
  default void waitingForLock(Optional<LockHolder> holder) {}

  /** A step is about to run. */
  default void stepStarted(Step step, Script script) {}

  /** A step committed. */
  default void stepFinished(Step step, Script script, Duration took) {}

  /** A step hit lock_timeout and will run again after a pause. */
  default void retrying(Step step, Script script, int attempt, Duration pause) {}

  /** Something the user should know that does not stop the run. */
  default void warning(String message) {}
}
