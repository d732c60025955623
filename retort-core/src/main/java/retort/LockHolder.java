package retort;

import java.time.Instant;

/**
 * The session that holds the run lock: its backend pid, application_name, user, and since when it is
 * connected.
 */
public record LockHolder(int pid, String applicationName, String user, Instant since) {}
