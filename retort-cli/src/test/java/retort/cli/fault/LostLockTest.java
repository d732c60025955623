package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session that holds the run lock is terminated while a migration runs: the run commits
 * nothing more, says that it lost the lock and exits 1, while a second run takes the lock and applies
 * the migrations once.
 */
class LostLockTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";
  static final String D = "dddd00000004";

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  @Test
  void aRunWhoseLockSessionIsTerminatedStopsAndASecondRunAppliesEachMigrationOnce() {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, A, "beta", "CREATE TABLE beta (id int);\nSELECT pg_sleep(3);", "DROP TABLE beta;");
    p.migration(C, B, "gamma", "CREATE TABLE gamma (id int);", "DROP TABLE gamma;");
    p.nonTransactional(D, C, "delta", "CREATE TABLE delta (id int);\nCREATE INDEX CONCURRENTLY delta_id ON delta (id);",
        "DROP TABLE delta;");

    FaultProject.Child first = p.start("upgrade", "head");
    Integer sleeper = p.sleepingBackend(first, Duration.ofSeconds(30));
    assertThat(sleeper).as("the migrator never reached pg_sleep\n" + first.result(-1)).isNotNull();
    List<String> holder = p.query("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
        + " AND objid = " + (FaultProject.lockKey() & 0xffffffffL) + " AND objsubid = 1");
    assertThat(holder).hasSize(1);
    // the pid a waiting run would print as the holder
    assertThat(p.query("SELECT pg_terminate_backend(" + holder.get(0) + ")")).containsExactly("t");

    FaultProject.Child second = p.start("upgrade", "head");
    FaultProject.Result r = first.await(Duration.ofSeconds(30));
    FaultProject.Result again = second.await(Duration.ofSeconds(60));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.errorLines().get(0)).as(r.toString())
        .startsWith("error: " + FaultProject.fileName(B, "beta") + ": the run lock on public.retort_version is no"
            + " longer held");
    assertThat(r.errorLines().get(1)).as(r.toString()).contains("nothing of " + B + " was applied");
    assertThat(r.err()).as(r.toString()).doesNotContain("-> " + C);
    assertThat(again.exitCode()).as(again.toString()).isZero();

    assertThat(p.versionRows()).containsExactly(D);
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied",
        D + " upgrade applied");
    assertThat(p.runLocks()).isZero();
  }
}
