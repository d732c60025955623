package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeCommandTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";
  static final String C = "ccccccccccc3";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    p.table(C, B, "bookings");
  }

  @Test
  void upgradeHeadAppliesEveryMigrationAndLogsEachStep() {
    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Upgraded 3 revisions").contains(C);
    assertThat(r.err()).contains("Running upgrade -> " + A).contains(B + " -> " + C);
    assertThat(p.tableExists("public.users")).isTrue();
    assertThat(p.tableExists("public.apartments")).isTrue();
    assertThat(p.tableExists("public.bookings")).isTrue();
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied");
    assertThat(p.query("SELECT checksum FROM public.retort_log ORDER BY id"))
        .hasSize(3)
        .allSatisfy(c -> assertThat(c).matches("v1:[0-9a-f]{64}"));
    assertThat(p.query("SELECT environment FROM public.retort_log")).containsOnly("dev");
  }

  @Test
  void upgradeAgainHasNothingToDoAndLogsNothing() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun again = p.run("upgrade", "head");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("Nothing to upgrade").contains(C);
    assertThat(p.logRows()).hasSize(3);
    assertThat(p.versionRows()).containsExactly(C);
  }

  @Test
  void upgradeWithoutTargetMeansHead() {
    CliRun r = p.run("upgrade");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(C);
  }

  @Test
  void upgradeToARevisionStopsThereAndRelativeStepsContinue() {
    CliRun r = p.run("upgrade", A);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.tableExists("public.apartments")).isFalse();

    CliRun plus = p.run("upgrade", "+1");
    assertThat(plus.exitCode()).as(plus.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.apartments")).isTrue();
    assertThat(p.tableExists("public.bookings")).isFalse();
  }

  @Test
  void upgradeByUniquePrefix() {
    CliRun r = p.run("upgrade", "bbbb");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void nonTransactionalMigrationWithCreateIndexConcurrentlyIsApplied() {
    p.file("ddddddddddd4_users_index.sql", """
        -- revision: ddddddddddd4
        -- down_revision: ccccccccccc3
        -- message: users index
        -- transactional: false
        -- +upgrade
        CREATE INDEX CONCURRENTLY users_id_idx ON users (id);
        -- +downgrade
        DROP INDEX CONCURRENTLY users_id_idx;
        """);

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.query("SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname = 'users_id_idx'"))
        .containsExactly("users_id_idx");
    assertThat(p.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_id_idx'::regclass"))
        .containsExactly("t");
    assertThat(p.versionRows()).containsExactly("ddddddddddd4");
    assertThat(p.logRows()).endsWith("ddddddddddd4 upgrade applied");

    CliRun down = p.run("downgrade", "-1");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(p.tableExists("public.users_id_idx")).isFalse();
    assertThat(p.versionRows()).containsExactly(C);
  }

  @Test
  void sqlErrorNamesFileAndLineAndRollsBackThatMigrationOnly() {
    String name = "ddddddddddd4_broken.sql";
    p.file(name, """
        -- revision: ddddddddddd4
        -- down_revision: ccccccccccc3
        -- message: broken
        -- +upgrade
        CREATE TABLE half_done (id int);

        SELECT * FROM no_such_table;
        -- +downgrade
        DROP TABLE half_done;
        """);

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("versions/" + name + ":7: ERROR 42P01:").contains("no_such_table");
    assertThat(p.tableExists("public.half_done")).isFalse();
    // the three earlier migrations of the same run stay applied
    assertThat(p.tableExists("public.users")).isTrue();
    assertThat(p.tableExists("public.bookings")).isTrue();
    assertThat(p.versionRows()).containsExactly(C);
    List<String> log = p.logRows();
    assertThat(log).containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied",
        "ddddddddddd4 upgrade failed");
    assertThat(p.query("SELECT error FROM public.retort_log WHERE outcome = 'failed'").get(0)).contains("42P01");
  }

  @Test
  void sqlErrorAfterAnEarlierSuccessfulRunLeavesTheVersionAtThePreviousRevision() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    p.file("ddddddddddd4_broken.sql", """
        -- revision: ddddddddddd4
        -- down_revision: ccccccccccc3
        -- message: broken
        -- +upgrade
        CREATE TABLE half_done (id int);

        SELECT * FROM no_such_table;
        -- +downgrade
        DROP TABLE half_done;
        """);

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("versions/ddddddddddd4_broken.sql:7: ERROR 42P01:");
    assertThat(p.tableExists("public.half_done")).isFalse();
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.logRows()).hasSize(4).last().isEqualTo("ddddddddddd4 upgrade failed");

    CliRun current = p.run("current");
    assertThat(current.out().strip()).startsWith(C).doesNotContain("(head)");
  }
}
