package retort;

import java.time.Duration;

/**
 * One named target database and how Retort treats it: its URL, the timeouts set in each step's
 * transaction, and the policy of what a run may do there.
 *
 * @param url a jdbc:postgresql, postgresql:// or postgresql+driver:// URL, or {@code embedded}
 * @param lockTimeout set with SET LOCAL in each migration's transaction; null leaves the server's
 * @param statementTimeout likewise; null leaves the server's
 * @param confirm ask before changing anything
 * @param allowDowngrade whether downgrades are allowed without an explicit override
 * @param promoteFrom an environment that must already have a revision before this one gets it
 */
public record Environment(
    String name,
    String url,
    Duration lockTimeout,
    Duration statementTimeout,
    boolean confirm,
    boolean allowDowngrade,
    String promoteFrom,
    String versionTable,
    String versionTableSchema) {

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

  /** An environment with the defaults: 5 s lock_timeout, no statement_timeout, no confirmation. */
  public static Environment of(String name, String url) {
    return new Environment(name, url, DEFAULT_LOCK_TIMEOUT, null, false, true, null, null, null);
  }
}
