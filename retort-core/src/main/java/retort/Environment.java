package retort;

import java.time.Duration;

/**
 * One named target database and how Retort treats it: its URL, the timeouts set in each step's
 * transaction, and the policy of what a run may do there.
 *
 * @param url where the database is ({@link DatabaseUrl#EMBEDDED} for {@code embedded}); null when the
 *     connections come from elsewhere, e.g. an application's DataSource
 * @param lockTimeout set with SET LOCAL in each migration's transaction; null leaves the server's
 * @param statementTimeout likewise; null leaves the server's
 * @param confirm ask before changing anything
 * @param allowDowngrade whether downgrades are allowed without an explicit override
 * @param promoteFrom an environment that must already have a revision before this one gets it
 * @param lockWait how long a run waits for another run's lock before giving up
 * @param lockRetries how many times a migration that hits lock_timeout runs again
 */
public record Environment(
    String name,
    DatabaseUrl url,
    Duration lockTimeout,
    Duration statementTimeout,
    boolean confirm,
    boolean allowDowngrade,
    String promoteFrom,
    String versionTable,
    String versionTableSchema,
    Duration lockWait,
    int lockRetries) {

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);
  public static final int DEFAULT_LOCK_RETRIES = 3;

  /** An environment with the defaults: 5 s lock_timeout and 3 retries, no statement_timeout, a 60 s wait for the run lock, no confirmation. */
  public static Environment of(String name, DatabaseUrl url) {
    return new Environment(name, url, DEFAULT_LOCK_TIMEOUT, null, false, true, null, null, null,
        DEFAULT_LOCK_WAIT, DEFAULT_LOCK_RETRIES);
  }

  /** The same environment with other timeouts; null leaves the server's value. */
  public Environment withTimeouts(Duration lockTimeout, Duration statementTimeout) {
    return new Environment(name, url, lockTimeout, statementTimeout, confirm, allowDowngrade, promoteFrom,
        versionTable, versionTableSchema, lockWait, lockRetries);
  }

  /** An environment with the defaults at a URL given as text (see {@link DatabaseUrl#parse}). */
  public static Environment of(String name, String url) {
    return of(name, DatabaseUrl.parse(url));
  }

  /** The same environment with another name, as the log table records it. */
  public Environment withName(String newName) {
    return new Environment(newName, url, lockTimeout, statementTimeout, confirm, allowDowngrade, promoteFrom,
        versionTable, versionTableSchema, lockWait, lockRetries);
  }

  /** The same environment with another wait for the run lock and number of lock_timeout retries. */
  public Environment withLocking(Duration lockWait, int lockRetries) {
    return new Environment(name, url, lockTimeout, statementTimeout, confirm, allowDowngrade, promoteFrom,
        versionTable, versionTableSchema, lockWait, lockRetries);
  }
}
