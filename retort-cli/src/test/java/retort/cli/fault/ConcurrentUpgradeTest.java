package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eight migrator processes race to apply the same fifty pending migrations. */
class ConcurrentUpgradeTest {

  static final int MIGRATIONS = 50;
  static final int PROCESSES = 8;

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  static String id(int i) {
    return String.format("c0ffee%06d", i);
  }

  @Test
  void eightProcessesApplyEachMigrationExactlyOnce() {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    for (int i = 1; i <= MIGRATIONS; i++) {
      p.migration(id(i), i == 1 ? null : id(i - 1), "step_" + i,
          "CREATE TABLE race_" + i + " (id int PRIMARY KEY);\nINSERT INTO race_" + i + " VALUES (" + i + ");",
          "DROP TABLE race_" + i + ";");
    }

    List<FaultProject.Child> children = new ArrayList<>();
    for (int i = 0; i < PROCESSES; i++) {
      children.add(p.start("upgrade", "head"));
    }
    List<FaultProject.Result> results = new ArrayList<>();
    for (FaultProject.Child c : children) {
      results.add(c.await(Duration.ofSeconds(90)));
    }

    for (FaultProject.Result r : results) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.err()).as(r.toString()).doesNotContain("error:").doesNotContain("\tat ");
    }
    // the first to take the lock applies all fifty; the others find nothing left to do
    assertThat(results.stream().filter(r -> r.out().contains("Upgraded " + MIGRATIONS + " revisions")).count())
        .as(results.toString()).isEqualTo(1);
    assertThat(results.stream().filter(r -> r.out().contains("Nothing to upgrade")).count())
        .as(results.toString()).isEqualTo(PROCESSES - 1);

    assertThat(p.versionRows()).containsExactly(id(MIGRATIONS));
    List<String> expectedLog = new ArrayList<>();
    for (int i = 1; i <= MIGRATIONS; i++) {
      expectedLog.add(id(i) + " upgrade applied");
    }
    assertThat(p.logRows()).containsExactlyElementsOf(expectedLog);
    assertThat(p.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'race\\_%'"))
        .containsExactly(String.valueOf(MIGRATIONS));
    assertThat(p.query("SELECT sum(id) FROM (" + unionOfTables() + ") t"))
        .containsExactly(String.valueOf(MIGRATIONS * (MIGRATIONS + 1) / 2));
    assertThat(p.runLocks()).isZero();
  }

  private static String unionOfTables() {
    List<String> parts = new ArrayList<>();
    for (int i = 1; i <= MIGRATIONS; i++) {
      parts.add("SELECT id FROM race_" + i);
    }
    return String.join(" UNION ALL ", parts);
  }
}
