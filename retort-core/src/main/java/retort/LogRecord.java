package retort;

import java.time.Instant;

/**
 * One row of the log table ({@code retort_log}) as the public API shows it: a step's revision and
 * direction ({@code upgrade}, {@code downgrade}, {@code stamp}), when it ran, as which database user,
 * in which environment, and how it ended ({@code applied}, {@code failed}, {@code partial}), with
 * the error when it failed, and the note its run was given (why it skipped the promotion check), or null.
 */
public record LogRecord(
    String revision,
    String direction,
    Instant started,
    Instant finished,
    long durationMillis,
    String databaseUser,
    String environment,
    String outcome,
    String error,
    String note) {

  /** A row without a note. */
  public LogRecord(String revision, String direction, Instant started, Instant finished, long durationMillis,
      String databaseUser, String environment, String outcome, String error) {
    this(revision, direction, started, finished, durationMillis, databaseUser, environment, outcome, error, null);
  }
}
