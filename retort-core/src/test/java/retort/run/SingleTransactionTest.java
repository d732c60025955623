package retort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;
import retort.RetortException;

/** {@code --single-transaction}: the whole run commits together or not at all. */
class SingleTransactionTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t1 (id int);", "DROP TABLE t1;");
    m.write(B, A, "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
  }

  @Test
  void allMigrationsCommitTogether() throws Exception {
    m.write(C, B, "CREATE TABLE t3 (id int);", "DROP TABLE t3;");

    assertThat(m.retort().withSingleTransaction(true).upgrade("head").steps()).hasSize(3);

    assertThat(m.versions()).containsExactly(C);
    assertThat(m.tableExists("public.t1")).isTrue();
    assertThat(m.tableExists("public.t3")).isTrue();
    assertThat(m.column("SELECT revision || ' ' || outcome FROM public.retort_log ORDER BY id"))
        .containsExactly(A + " applied", B + " applied", C + " applied");

    m.retort().withSingleTransaction(true).downgrade("base");
    assertThat(m.versions()).isEmpty();
    assertThat(m.tableExists("public.t1")).isFalse();
  }

  @Test
  void aFailureLeavesNothingOfTheRun() throws Exception {
    String file = m.write(C, B, "CREATE TABLE t3 (id int);\nSELECT * FROM missing_table;", "DROP TABLE t3;");

    RetortException e = assertThrows(RetortException.class,
        () -> m.retort().withSingleTransaction(true).upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "SELECT * FROM missing_table;"));
    assertThat(e.getMessage()).contains("42P01");
    assertThat(m.versions()).isEmpty();
    assertThat(m.tableExists("public.t1")).isFalse();
    assertThat(m.tableExists("public.t3")).isFalse();
    assertThat(m.column("SELECT revision || ' ' || outcome FROM public.retort_log ORDER BY id"))
        .containsExactly(C + " failed");
  }

  @Test
  void aNonTransactionalMigrationIsRefusedBeforeAnythingRuns() throws Exception {
    m.write(C, B, false, "CREATE INDEX CONCURRENTLY t2_id ON t2 (id);", "DROP INDEX CONCURRENTLY t2_id;");

    RetortException e = assertThrows(RetortException.class,
        () -> m.retort().withSingleTransaction(true).upgrade("head"));

    assertThat(e.getMessage()).contains("--single-transaction").contains(C);
    assertThat(m.versions()).isEmpty();
    assertThat(m.tableExists("public.t1")).isFalse();
  }
}
