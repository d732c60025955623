package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pg_terminate_backend on the migrator's work connection while a migration runs. */
class TerminatedBackendTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  @Test
  void terminatedBackendFailsCleanlyAndANewRunCompletes() {
    FaultProject.Result r = terminateMidStep();
    String file = FaultProject.fileName(C, "gamma");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    assertThat(r.errorLines()).as(r.toString()).hasSize(2);
    assertThat(r.errorLines().get(0)).as(r.toString())
        .startsWith("error: " + file + ":9: ")
        .contains("57P01")
        .contains("terminating connection");
    assertThat(r.errorLines().get(1)).as(r.toString()).startsWith("hint: ");

    // nothing half-applied: the database is at B, nothing of C, and no lock or backend is left
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.gamma")).isFalse();
    assertThat(p.query("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_name = 'beta' AND column_name = 'note'")).containsExactly("0");
    assertThat(p.logRows()).startsWith(A + " upgrade applied", B + " upgrade applied")
        .doesNotContain(C + " upgrade applied");
    assertThat(FaultProject.eventually(Duration.ofSeconds(5), () -> p.runLocks() == 0)).isTrue();

    p.migration(C, B, "gamma",
        "CREATE TABLE gamma (id int);\nINSERT INTO gamma VALUES (1);\nALTER TABLE beta ADD COLUMN note text;",
        "DROP TABLE gamma;\nALTER TABLE beta DROP COLUMN note;");
    FaultProject.Result again = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.query("SELECT count(*) FROM gamma")).containsExactly("1");
    assertThat(p.logRows()).endsWith(C + " upgrade applied");
    assertThat(p.runLocks()).isZero();
  }

  @Test
  void terminatedStepIsLoggedAsFailed() {
    FaultProject.Result r = terminateMidStep();

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade failed");
    assertThat(p.query("SELECT error FROM public.retort_log WHERE revision = '" + C + "'"))
        .singleElement().asString().contains("57P01");
  }

  /** Runs `upgrade head` from base and terminates its work backend while C sleeps; returns the run's end. */
  private FaultProject.Result terminateMidStep() {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, A, "beta", "CREATE TABLE beta (id int);\nINSERT INTO beta VALUES (1);", "DROP TABLE beta;");
    // line 6 of the file is CREATE TABLE gamma; pg_sleep is on line 9
    p.migration(C, B, "gamma",
        "CREATE TABLE gamma (id int);\nINSERT INTO gamma VALUES (1);\nALTER TABLE beta ADD COLUMN note text;\n"
            + "SELECT pg_sleep(30);",
        "DROP TABLE gamma;\nALTER TABLE beta DROP COLUMN note;");

    FaultProject.Child migrator = p.start("upgrade", "head");
    Integer sleeper = p.sleepingBackend(migrator, Duration.ofSeconds(30));
    assertThat(sleeper).as("the migrator never reached pg_sleep\n" + migrator.result(-1)).isNotNull();
    assertThat(p.query("SELECT pg_terminate_backend(" + sleeper + ")")).containsExactly("t");

    return migrator.await(Duration.ofSeconds(20));
  }
}
