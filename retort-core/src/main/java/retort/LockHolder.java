package retort;

import java.time.Instant;

/**
 * The session that holds the run lock: its backend pid, application_name, user, and since when it is
 * connected; and, when it is a run of Retort busy with a migration, what it is doing (the migration,
 * the state of the session that runs it and the first line of its statement), else null.
 */
public record LockHolder(int pid, String applicationName, String user, Instant since, String doing) {

  /** A holder about which nothing more is known than its session. */
  public LockHolder(int pid, String applicationName, String user, Instant since) {
    this(pid, applicationName, user, since, null);
  }
}
