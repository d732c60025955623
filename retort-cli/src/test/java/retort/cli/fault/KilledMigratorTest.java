package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the migrator while a migration runs: the database stays at the last committed step. */
class KilledMigratorTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
      // a backend orphaned by the kill must not outlive the test (pg_sleep(30) otherwise would)
      p.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND " + FaultProject.RETORT);
    }
  }

  @Test
  /** Retort sets client_connection_check_interval, so the server ends the orphaned backend by itself. */
  void killMinusNineMidMigrationLeavesTheLastCommittedStepAndNoLock() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    killMidStepThenRunAgain();
  }

  private void killMidStepThenRunAgain() throws Exception {
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, A, "beta", "CREATE TABLE beta (id int);\nINSERT INTO beta VALUES (1);", "DROP TABLE beta;");
    p.migration(C, B, "gamma",
        "CREATE TABLE gamma (id int);\nINSERT INTO gamma VALUES (1);\nALTER TABLE beta ADD COLUMN note text;\n"
            + "SELECT pg_sleep(30);",
        "DROP TABLE gamma;\nALTER TABLE beta DROP COLUMN note;");

    FaultProject.Child migrator = p.start("upgrade", "head");
    Integer sleeper = p.sleepingBackend(migrator, Duration.ofSeconds(30));
    assertThat(sleeper).as("the migrator never reached pg_sleep\n" + migrator.result(-1)).isNotNull();
    assertThat(p.runLocks()).as("the run lock is held while the migration runs").isEqualTo(1);

    migrator.process().destroyForcibly();
    assertThat(migrator.process().waitFor(10, TimeUnit.SECONDS)).isTrue();

    // the server notices the dead client: its lock and its backends go away within a few seconds
    assertThat(FaultProject.eventually(Duration.ofSeconds(5), () -> p.runLocks() == 0))
        .as("advisory lock still held after the migrator died").isTrue();
    assertThat(FaultProject.eventually(Duration.ofSeconds(5), () -> p.retortBackends() == 0))
        .as("a backend of the dead migrator is still there: " + p.query("SELECT pid || ' ' || state || ' ' || query"
            + " FROM pg_stat_activity WHERE datname = current_database() AND " + FaultProject.RETORT))
        .isTrue();

    // the last committed step is B, and nothing of C is there
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.alpha")).isTrue();
    assertThat(p.tableExists("public.beta")).isTrue();
    assertThat(p.tableExists("public.gamma")).isFalse();
    assertThat(p.query("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_name = 'beta' AND column_name = 'note'")).containsExactly("0");
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied");

    // C is not applied, so its file may be edited: without the sleep a new run completes
    p.migration(C, B, "gamma",
        "CREATE TABLE gamma (id int);\nINSERT INTO gamma VALUES (1);\nALTER TABLE beta ADD COLUMN note text;",
        "DROP TABLE gamma;\nALTER TABLE beta DROP COLUMN note;");
    FaultProject.Result again = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("Upgraded 1 revision");
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.query("SELECT count(*) FROM gamma")).containsExactly("1");
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied");
    assertThat(p.runLocks()).isZero();
  }
}
