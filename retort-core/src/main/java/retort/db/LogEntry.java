package retort.db;

import java.time.Instant;

/**
 * One row of the log table: what a step did, when, as whom, and how it ended.
 *
 * @param outcome {@code applied}, {@code failed}, {@code partial} (a non-transactional step that
 *     stopped on an error) or {@code running} (a non-transactional step under way, or stopped without
 *     a word when its run died)
 * @param lastStatement the 1-based index of the last statement that completed, for a step that ran
 *     outside a transaction (0 when none did, -1 when not recorded)
 * @param statements the fingerprints of the statements that completed, for a step that ran outside a
 *     transaction (see {@code retort.script.Fingerprints}), comma-separated; null when not recorded
 * @param lineHashes the fingerprints of the file's section lines when it was applied, so that a later
 *     edit can be put on its first changed line; null when not recorded
 * @param note what the run was told to record, e.g. why it skipped the promotion check; null when none
 */
public record LogEntry(
    long id,
    String revision,
    String direction,
    String checksum,
    Instant started,
    Instant finished,
    long durationMillis,
    String databaseUser,
    String environment,
    String toolVersion,
    String outcome,
    String error,
    int lastStatement,
    String statements,
    String lineHashes,
    String note) {

  /** A row without a note. */
  public LogEntry(long id, String revision, String direction, String checksum, Instant started, Instant finished,
      long durationMillis, String databaseUser, String environment, String toolVersion, String outcome, String error,
      int lastStatement, String statements, String lineHashes) {
    this(id, revision, direction, checksum, started, finished, durationMillis, databaseUser, environment, toolVersion,
        outcome, error, lastStatement, statements, lineHashes, null);
  }

  public static final String APPLIED = "applied";
  public static final String FAILED = "failed";
  public static final String PARTIAL = "partial";
  public static final String RUNNING = "running";

  /** Whether this is a non-transactional step that did not finish: stopped on an error, or interrupted. */
  public boolean stopped() {
    return PARTIAL.equals(outcome) || RUNNING.equals(outcome);
  }
}
