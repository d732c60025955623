package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that finds the lock taken waits for a holder that makes progress (its log moves, its
 * session is busy) up to lock_wait, and says what the holder is doing; it gives up on a holder that
 * shows no progress after a quarter of lock_wait (a minute with the default ten).
 */
class LockWaitTest {

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  static String id(int i) {
    return String.format("5eed%08d", i);
  }

  @Test
  void aHolderThatMakesProgressIsWaitedForLongerThanOneWithout() {
    p = FaultProject.create(tmp, "lock_wait = \"8s\"");
    for (int i = 1; i <= 6; i++) {
      p.migration(id(i), i == 1 ? null : id(i - 1), "slow_" + i,
          "CREATE TABLE slow_" + i + " (id int);\nSELECT pg_sleep(1);", "DROP TABLE slow_" + i + ";");
    }
    FaultProject.Child holder = p.start("upgrade", "head");
    assertThat(p.sleepingBackend(holder, Duration.ofSeconds(30))).as(holder.result(-1).toString()).isNotNull();

    long t0 = System.nanoTime();
    FaultProject.Result waiter = p.run(Duration.ofSeconds(60), "upgrade", "head");
    long waitedMs = (System.nanoTime() - t0) / 1_000_000;
    FaultProject.Result held = holder.await(Duration.ofSeconds(60));

    assertThat(held.exitCode()).as(held.toString()).isZero();
    assertThat(waiter.exitCode()).as(waiter.toString()).isZero();
    assertThat(waiter.out()).as(waiter.toString()).contains("Nothing to upgrade");
    assertThat(waitedMs).as("the holder ran longer than the no-progress limit (2 s), and was waited for")
        .isGreaterThan(2500);
    assertThat(waiter.err().lines().filter(l -> l.startsWith("Waiting for the run lock, held by pid ")
        && l.contains(": running upgrade 5eed")).distinct().count())
        .as("the waiter says what the holder runs, again as it moves on\n" + waiter).isGreaterThanOrEqualTo(2);
    assertThat(p.versionRows()).containsExactly(id(6));
  }

  @Test
  void aHolderThatShowsNoProgressIsGivenUpOnAfterAQuarterOfLockWait() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"12s\"");
    p.migration(id(1), null, "one", "CREATE TABLE one (id int);", "DROP TABLE one;");
    try (Connection idle = p.connect(); PreparedStatement s = idle.prepareStatement("SELECT pg_advisory_lock(?)")) {
      s.setLong(1, FaultProject.lockKey());
      s.execute();

      long t0 = System.nanoTime();
      FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");
      long tookMs = (System.nanoTime() - t0) / 1_000_000;

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.errorLines().get(0)).as(r.toString()).contains("showed no progress for 3 s");
      assertThat(tookMs).as("given up after the no-progress limit, not lock_wait").isLessThan(9_000);
    }
    assertThat(p.tableExists("public.one")).isFalse();
  }
}
