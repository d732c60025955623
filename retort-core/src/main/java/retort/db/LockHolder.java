package retort.db;

import java.time.Instant;

/** The session that holds the run lock: its pid, application_name, and since when it holds it. */
public record LockHolder(int pid, String applicationName, String user, Instant since) {}
