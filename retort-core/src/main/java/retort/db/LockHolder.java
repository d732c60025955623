package retort.db;

import java.time.Instant;

/**
 * The session that holds the run lock: its pid, application_name and user, since when it is
 * connected, and, when it is a run of Retort busy with a step, what it is doing (the step, the state
 * of the session that runs it and the first line of its statement) and since when that statement runs.
 */
public record LockHolder(int pid, String applicationName, String user, Instant since, String doing,
    Instant statementStarted) {

  /** A holder about which nothing more is known than its session. */
  public LockHolder(int pid, String applicationName, String user, Instant since) {
    this(pid, applicationName, user, since, null, null);
  }
}
