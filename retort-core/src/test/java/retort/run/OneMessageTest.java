package retort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;
import retort.RetortException;

/**
 * A step's bookkeeping and COMMIT travel with its last statement: a failure there is still put on
 * the right part (the statement, the version-table check, the checks deferred to COMMIT), and
 * statements the driver would not split after (BEGIN ATOMIC bodies) still work.
 */
class OneMessageTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE parent (id int PRIMARY KEY);", "DROP TABLE parent;");
  }

  @Test
  void aDeferredConstraintThatFailsAtCommitIsReportedAsTheCommitsFailure() throws Exception {
    String file = m.write(B, A,
        "CREATE TABLE child (parent_id int REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);\n"
            + "INSERT INTO child VALUES (42);\n"
            + "COMMENT ON TABLE child IS 'deferred check';",
        "DROP TABLE child;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file);
    assertThat(e.reason()).startsWith("ERROR 23503: at COMMIT: insert or update on table \"child\" violates"
        + " foreign key constraint");
    assertThat(e.hint()).contains("deferred to COMMIT").contains("nothing of " + B + " was applied");
    assertThat(m.tableExists("public.child")).isFalse();
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.column("SELECT revision || ' ' || outcome FROM public.retort_log ORDER BY id"))
        .containsExactly(A + " applied", B + " failed");
  }

  @Test
  void aVersionRowThatVanishedUnderTheRunRollsTheStepBack() throws Exception {
    // the migration itself deletes the version row the step's bookkeeping is about to update
    String file = m.write(B, A, "CREATE TABLE other (id int);\nDELETE FROM public.retort_version;",
        "DROP TABLE other;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file);
    assertThat(e.reason()).isEqualTo("ERROR RT001: the version table public.retort_version changed under this"
        + " run: expected to update the row " + A + ", but it was not there");
    assertThat(m.tableExists("public.other")).isFalse();
    assertThat(m.versions()).containsExactly(A);
  }

  @Test
  void aLastStatementWithAnAtomicBodyTravelsAloneAndTheStepCommits() throws Exception {
    m.write(B, A,
        "CREATE TABLE other (id int);\n"
            + "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n"
            + "  SELECT x * 2;\n"
            + "END;",
        "DROP FUNCTION twice(int);\nDROP TABLE other;");

    m.retort().upgrade("head");

    assertThat(m.column("SELECT twice(21)")).containsExactly("42");
    assertThat(m.versions()).containsExactly(B);
    m.retort().downgrade(A);
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.column("SELECT count(*) FROM pg_proc WHERE proname = 'twice'")).containsExactly("0");
  }

  @Test
  void aLastStatementThatReturnsRowsAndAnEmptySectionBothCommit() throws Exception {
    m.write(B, A, "CREATE TABLE other (id int);\nSELECT id FROM parent;", "");

    m.retort().upgrade("head");
    assertThat(m.versions()).containsExactly(B);
    assertThat(m.tableExists("public.other")).isTrue();

    m.retort().downgrade(A);
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.column("SELECT revision || ' ' || direction || ' ' || outcome FROM public.retort_log ORDER BY id"))
        .containsExactly(A + " upgrade applied", B + " upgrade applied", B + " downgrade applied");
  }

  @Test
  void theLogRowOfAStepIsTimedOnTheServersClock() throws Exception {
    m.write(B, A, "SELECT pg_sleep(0.05);", "");

    m.retort().upgrade("head");

    List<Map<String, Object>> rows = m.query("SELECT started <= finished AS ordered, duration_ms,"
        + " extract(epoch FROM finished - started) * 1000 AS span FROM public.retort_log WHERE revision = '" + B + "'");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("ordered")).isEqualTo(true);
    assertThat((Long) rows.get(0).get("duration_ms")).isBetween(50L, 10_000L);
    assertThat(((Number) rows.get(0).get("span")).doubleValue()).isGreaterThanOrEqualTo(50.0);
  }

  @Test
  void inOneTransactionTheLastStatementStillCarriesItsOwnFailure() throws Exception {
    String file = m.write(B, A, "CREATE TABLE other (id int);\nINSERT INTO other VALUES ('not a number');",
        "DROP TABLE other;");

    RetortException e = assertThrows(RetortException.class,
        () -> m.retort().withSingleTransaction(true).upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "INSERT INTO other VALUES ('not a number');"));
    assertThat(e.reason()).startsWith("ERROR 22P02:");
    assertThat(m.versions()).isEmpty();
    assertThat(m.tableExists("public.parent")).isFalse();
  }
}
