package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DowngradeCommandTest {

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
    CliRun up = p.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
  }

  @Test
  void downgradeOneStepThenCurrentShowsThePreviousRevision() {
    CliRun r = p.run("downgrade", "-1");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Downgraded 1 revision").contains(B);
    assertThat(r.err()).contains("Running downgrade " + C + " -> " + B);
    assertThat(p.tableExists("public.bookings")).isFalse();
    assertThat(p.tableExists("public.apartments")).isTrue();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.logRows()).last().isEqualTo(C + " downgrade applied");

    CliRun current = p.run("current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out().strip()).startsWith(B).doesNotContain("(head)");
  }

  @Test
  void downgradeBaseEmptiesTheVersionTableAndUpgradeBringsEverythingBack() {
    CliRun r = p.run("downgrade", "base");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Downgraded 3 revisions").contains("base");
    assertThat(p.versionTableExists()).isTrue();
    assertThat(p.versionRows()).isEmpty();
    assertThat(p.tableExists("public.users")).isFalse();
    assertThat(p.tableExists("public.apartments")).isFalse();
    assertThat(p.tableExists("public.bookings")).isFalse();
    assertThat(p.logRows()).hasSize(6).endsWith(
        C + " downgrade applied", B + " downgrade applied", A + " downgrade applied");

    CliRun current = p.run("current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out()).isBlank();
    assertThat(current.err()).contains("base");

    CliRun up = p.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(p.tableExists("public.users")).isTrue();
    assertThat(p.tableExists("public.bookings")).isTrue();
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.logRows()).hasSize(9);
  }

  @Test
  void downgradeToARevisionUndoesOnlyItsDescendants() {
    CliRun r = p.run("downgrade", A);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.tableExists("public.users")).isTrue();
    assertThat(p.tableExists("public.apartments")).isFalse();
  }

  @Test
  void downgradeAtBaseHasNothingToDo() {
    assertThat(p.run("downgrade", "base").exitCode()).isZero();

    CliRun r = p.run("downgrade", "base");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Nothing to downgrade");
    assertThat(p.logRows()).hasSize(6);
  }

  @Test
  void downgradeFailureNamesFileAndLineAndKeepsTheRevision() {
    p.file("ddddddddddd4_bad_down.sql", """
        -- revision: ddddddddddd4
        -- down_revision: ccccccccccc3
        -- message: bad down
        -- +upgrade
        CREATE TABLE extra (id int);
        -- +downgrade
        DROP TABLE extra;
        DROP TABLE no_such_table;
        """);
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("downgrade", "-1");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("versions/ddddddddddd4_bad_down.sql:8: ERROR 42P01:");
    assertThat(p.tableExists("public.extra")).isTrue();
    assertThat(p.versionRows()).containsExactly("ddddddddddd4");
    assertThat(p.logRows()).last().isEqualTo("ddddddddddd4 downgrade failed");
  }
}
