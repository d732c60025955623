package retort.run;

import java.time.Duration;

/**
 * How a run treats the database: {@code lockTimeout} and {@code statementTimeout} are set for each
 * step (null keeps the session's value, zero turns the timeout off); a step that hits lock_timeout runs again up to
 * {@code lockRetries} times with a growing pause; {@code lockWait} bounds the wait for the run lock while its holder makes progress;
 * {@code singleTransaction} runs the whole plan in one transaction instead of one per migration;
 * {@code note} (or null) is written in each step's log row.
 */
public record RunSettings(
    Duration lockTimeout,
    Duration statementTimeout,
    int lockRetries,
    Duration retryPause,
    Duration lockWait,
    String environment,
    String toolVersion,
    boolean singleTransaction,
    String note) {

  /** Settings without a note. */
  public RunSettings(Duration lockTimeout, Duration statementTimeout, int lockRetries, Duration retryPause,
      Duration lockWait, String environment, String toolVersion, boolean singleTransaction) {
    this(lockTimeout, statementTimeout, lockRetries, retryPause, lockWait, environment, toolVersion, singleTransaction,
        null);
  }

  public static RunSettings defaults() {
    return new RunSettings(Duration.ofSeconds(5), null, 3, Duration.ofMillis(500), Duration.ofMinutes(10), "", "", false);
  }
}
