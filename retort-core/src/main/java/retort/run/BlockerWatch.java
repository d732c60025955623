package retort.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watches, while a step runs, which sessions block the run's work session, so that a step that hits
 * lock_timeout can name the session it waited for: by then the wait is over and the server no longer
 * says. It looks through the run lock's connection, which is idle while the steps run, and only once
 * a step has taken a while: a step of a few milliseconds costs nothing.
 */
final class BlockerWatch implements AutoCloseable {

  private final Connection lookout;
  private final int workPid;
  private final long everyMillis;
  private ScheduledExecutorService timer;
  private ScheduledFuture<?> watching;
  private volatile String blocker;
  private volatile boolean broken;

  /** Watches {@code workPid} through {@code lookout}, first after and then every {@code every}. */
  BlockerWatch(Connection lookout, int workPid, Duration every) {
    this.lookout = lookout;
    this.workPid = workPid;
    this.everyMillis = Math.max(20, every.toMillis());
  }

  /** Starts watching, for one try of a step or one statement; forgets what an earlier one saw. */
  synchronized void start() {
    blocker = null;
    if (lookout == null || workPid <= 0) {
      return;
    }
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "retort-blockers");
        t.setDaemon(true);
        return t;
      });
    }
    watching = timer.scheduleWithFixedDelay(this::look, everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  /** Stops watching; what it saw stays readable. */
  synchronized void stop() {
    if (watching != null) {
      watching.cancel(false);
      watching = null;
    }
  }

  /** The session that last blocked the work session, described, or null when none was seen. */
  String blocker() {
    return blocker;
  }

  private void look() {
    if (broken) {
      return;
    }
    try (PreparedStatement s = lookout.prepareStatement("SELECT a.pid, a.usename, a.application_name, a.state, a.query"
        + " FROM pg_catalog.pg_stat_activity a WHERE a.pid = ANY (pg_catalog.pg_blocking_pids(?)) ORDER BY a.pid LIMIT 1")) {
      s.setInt(1, workPid);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          String query = rs.getString(5) == null ? "" : rs.getString(5).strip().lines().findFirst().orElse("");
          blocker = "pid " + rs.getInt(1) + " (user " + rs.getString(2) + ", application_name '" + rs.getString(3)
              + "', " + rs.getString(4) + (query.isEmpty() ? "" : ": " + query) + ")";
        }
      }
    } catch (SQLException | RuntimeException e) {
      broken = true;                                // the lookout is gone; the steps go on without it
    }
  }

  /** Stops the timer and waits for a look under way, so that the lookout connection may be closed. */
  @Override
  public synchronized void close() {
    stop();
    if (timer != null) {
      timer.shutdown();
      try {
        timer.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      timer = null;
    }
  }
}
