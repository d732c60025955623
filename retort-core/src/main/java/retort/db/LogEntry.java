package retort.db;

import java.time.Instant;

/**
 * One row of the log table: what a step did, when, as whom, and how it ended. {@code lastStatement}
 * is the 1-based index of the last statement that completed, for a step that ran outside a
 * transaction (0 when none did, -1 when not recorded).
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
    int lastStatement) {}
