package retort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class RetortTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t1 (id int PRIMARY KEY);", "DROP TABLE t1;");
    m.write(B, A, "CREATE TABLE t2 (id int PRIMARY KEY, t1 int REFERENCES t1);\nINSERT INTO t1 VALUES (1);",
        "DROP TABLE t2;\nDELETE FROM t1;");
    m.write(C, B, "CREATE TABLE t3 (id int);", "DROP TABLE t3;");
  }

  @Test
  void upgradeHeadAppliesInOrderAndListsTheSteps() throws Exception {
    MigrationResult r = m.retort().upgrade("head");

    assertThat(r.steps()).extracting(StepSummary::revision).containsExactly(A, B, C);
    assertThat(r.steps()).extracting(StepSummary::direction).containsOnly("upgrade");
    assertThat(r.steps()).extracting(StepSummary::file)
        .containsExactly("versions/" + A + "_m.sql", "versions/" + B + "_m.sql", "versions/" + C + "_m.sql");
    assertThat(r.steps()).extracting(StepSummary::statements).containsExactly(1, 2, 1);
    assertThat(r.steps().get(0).from()).isEmpty();
    assertThat(r.steps().get(1).from()).containsExactly(A);
    assertThat(r.steps().get(1).to()).containsExactly(B);
    assertThat(r.steps().get(1).message()).isEqualTo("migration " + B);
    assertThat(r.headsBefore()).isEmpty();
    assertThat(r.headsAfter()).containsExactly(C);
    assertThat(r.nothingToDo()).isFalse();

    assertThat(m.tableExists("public.t1")).isTrue();
    assertThat(m.tableExists("public.t2")).isTrue();
    assertThat(m.tableExists("public.t3")).isTrue();
    assertThat(m.column("SELECT id FROM t1")).containsExactly("1");
    assertThat(m.versions()).containsExactly(C);
    assertThat(m.retort().current()).extracting(RevisionInfo::revision).containsExactly(C);

    assertThat(m.retort().upgrade("head").nothingToDo()).isTrue();
    assertThat(m.log()).hasSize(3);
  }

  @Test
  void logRowsRecordEachAppliedStep() throws Exception {
    Retort retort = m.retort();
    retort.upgrade("head");

    List<Map<String, Object>> log = m.log();
    assertThat(log).extracting(row -> row.get("revision")).containsExactly(A, B, C);
    for (Map<String, Object> row : log) {
      assertThat(row.get("direction")).isEqualTo("upgrade");
      assertThat((String) row.get("checksum")).matches("v1:[0-9a-f]{64}");
      assertThat(row.get("outcome")).isEqualTo("applied");
      assertThat(row.get("db_user")).isEqualTo("postgres");
      assertThat(row.get("tool_version")).isNotNull();
      assertThat(row.get("environment")).isEqualTo("test");
      assertThat(row.get("error")).isNull();
      assertThat(row.get("last_statement")).isNull();
      Timestamp started = (Timestamp) row.get("started");
      Timestamp finished = (Timestamp) row.get("finished");
      assertThat(finished).isAfterOrEqualTo(started);
      assertThat((Long) row.get("duration_ms")).isGreaterThanOrEqualTo(0L);
    }
    assertThat(log.get(0).get("checksum")).isEqualTo(retort.scripts().script(A).checksum());
    assertThat(log.get(2).get("checksum")).isEqualTo(retort.scripts().script(C).checksum());
    assertThat(log.get(0).get("checksum")).isNotEqualTo(log.get(1).get("checksum"));
  }

  @Test
  void downgradeMinusOneThenBase() throws Exception {
    m.retort().upgrade("head");

    MigrationResult one = m.retort().downgrade("-1");
    assertThat(one.steps()).extracting(StepSummary::revision).containsExactly(C);
    assertThat(one.steps()).extracting(StepSummary::direction).containsExactly("downgrade");
    assertThat(one.headsBefore()).containsExactly(C);
    assertThat(one.headsAfter()).containsExactly(B);
    assertThat(m.versions()).containsExactly(B);
    assertThat(m.tableExists("public.t3")).isFalse();
    assertThat(m.tableExists("public.t2")).isTrue();

    MigrationResult base = m.retort().downgrade("base");
    assertThat(base.steps()).extracting(StepSummary::revision).containsExactly(B, A);
    assertThat(base.headsAfter()).isEmpty();
    assertThat(m.versions()).isEmpty();
    assertThat(m.tableExists("public.t1")).isFalse();
    assertThat(m.tableExists("public.t2")).isFalse();

    List<Map<String, Object>> log = m.log();
    assertThat(log).extracting(row -> row.get("revision") + " " + row.get("direction") + " " + row.get("outcome"))
        .containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied",
            C + " downgrade applied", B + " downgrade applied", A + " downgrade applied");

    assertThat(m.retort().upgrade("head").steps()).hasSize(3);
    assertThat(m.versions()).containsExactly(C);
  }

  @Test
  void upgradeRelativeAndByPrefix() throws Exception {
    MigrationResult first = m.retort().upgrade("+1");
    assertThat(first.steps()).extracting(StepSummary::revision).containsExactly(A);
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.tableExists("public.t2")).isFalse();

    MigrationResult byPrefix = m.retort().upgrade("bbbb");
    assertThat(byPrefix.steps()).extracting(StepSummary::revision).containsExactly(B);
    assertThat(m.versions()).containsExactly(B);
    assertThat(m.tableExists("public.t3")).isFalse();

    MigrationResult again = m.retort().upgrade("+1");
    assertThat(again.steps()).extracting(StepSummary::revision).containsExactly(C);
    assertThat(m.versions()).containsExactly(C);
  }

  @Test
  void unknownTargetIsAUsageErrorAndChangesNothing() throws Exception {
    RetortException e = org.junit.jupiter.api.Assertions.assertThrows(RetortException.class,
        () -> m.retort().upgrade("ffff"));
    assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
    assertThat(e.hint()).isNotBlank();
    assertThat(m.tableExists("public.t1")).isFalse();
  }

  @Test
  void configureWithADataSourceIsTheLibraryEntry() throws Exception {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(m.url);

    MigrationResult r = Retort.configure(ds, dir).upgrade("head");

    assertThat(r.steps()).extracting(StepSummary::revision).containsExactly(A, B, C);
    assertThat(m.versions()).containsExactly(C);
    assertThat(m.tableExists("public.t3")).isTrue();
    assertThat(m.log()).extracting(row -> row.get("outcome")).containsOnly("applied");
    assertThat(Retort.configure(ds, dir).current()).extracting(RevisionInfo::revision).containsExactly(C);
  }
}
