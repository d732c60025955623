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
 * {@code upgrade --resume} continues a stopped non-transactional migration only when the statements
 * it already applied are still the file's first ones, unchanged and in order.
 */
class ResumeTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;
  String file;

  /** B stops on its second statement: the first one (an index on t) is applied. */
  @BeforeEach
  void stoppedAfterTheFirstStatement() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t (id int, v int);", "DROP TABLE t;");
    file = m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (no_such_column);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");
    assertThrows(RetortException.class, () -> m.retort().upgrade("head"));
  }

  @Test
  void anEditedAppliedStatementIsRefusedWithItsLine() throws Exception {
    file = m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_id_idx ON t (v);\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head", true));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.VALIDATION);
    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "CREATE INDEX CONCURRENTLY t_id_idx ON t (v);"));
    assertThat(e.reason()).contains("statement 1 is not the one the stopped run applied");
    assertThat(e.hint()).contains("statement 1").contains("stamp");
    assertUnchanged();
  }

  @Test
  void aStatementInsertedAboveTheResumePointIsRefused() throws Exception {
    file = m.write(B, A, false,
        "SELECT 1;\n"
            + "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head", true));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.VALIDATION);
    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "SELECT 1;"));
    assertUnchanged();
  }

  @Test
  void aRemovedAppliedStatementIsRefused() throws Exception {
    file = m.write(B, A, false, "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
        + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);", "DROP INDEX CONCURRENTLY t_both_idx;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head", true));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.VALIDATION);
    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);"));
    assertUnchanged();
  }

  @Test
  void aFixAfterTheResumePointResumesWithTheFailedStatement() throws Exception {
    m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);   -- a comment and blanks do not count\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");

    m.retort().upgrade("head", true);

    assertThat(m.versions()).containsExactly(B);
    List<Map<String, Object>> log = m.log();
    assertThat(log).extracting(r -> r.get("revision") + " " + r.get("outcome") + " " + r.get("last_statement"))
        .containsExactly(A + " applied null", B + " partial 1", B + " applied 3");
    assertThat(m.column("SELECT count(*) FROM pg_index WHERE indrelid = 'public.t'::regclass AND indisvalid"))
        .containsExactly("3");
  }

  private void assertUnchanged() throws Exception {
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.log()).extracting(r -> r.get("outcome")).containsExactly("applied", "partial");
    assertThat(m.column("SELECT indexrelid::regclass::text FROM pg_index WHERE indrelid = 'public.t'::regclass"))
        .containsExactly("t_id_idx");
  }
}
