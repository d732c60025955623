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

/** {@code -- transactional: false}: autocommit, statement by statement, resumable. */
class NonTransactionalTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE t (id int, v int);\nINSERT INTO t SELECT g, g FROM generate_series(1, 100) g;",
        "DROP TABLE t;");
  }

  @Test
  void createIndexConcurrentlyIsApplied() throws Exception {
    m.write(B, A, false, "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);",
        "DROP INDEX CONCURRENTLY t_v_idx;\nDROP INDEX CONCURRENTLY t_id_idx;");

    assertThat(m.retort().upgrade("head").steps()).hasSize(2);

    assertThat(validIndexes()).containsExactly("t_id_idx", "t_v_idx");
    assertThat(m.versions()).containsExactly(B);
    Map<String, Object> last = m.log().get(1);
    assertThat(last.get("revision")).isEqualTo(B);
    assertThat(last.get("outcome")).isEqualTo("applied");
    assertThat(last.get("last_statement")).isEqualTo(2);

    m.retort().downgrade("-1");
    assertThat(validIndexes()).isEmpty();
    assertThat(m.versions()).containsExactly(A);
  }

  @Test
  void aFailureLeavesThePartRunRefusesThenResumes() throws Exception {
    String file = m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (no_such_column);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");
    int line = m.lineOf(file, "CREATE INDEX CONCURRENTLY t_v_idx ON t (no_such_column);");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.location()).isEqualTo(file + ":" + line);
    assertThat(e.reason()).isEqualTo("ERROR 42703: column \"no_such_column\" does not exist");
    assertThat(e.hint()).contains("--resume").contains("statement 2").contains("stamp");
    assertThat(validIndexes()).containsExactly("t_id_idx");
    assertThat(m.versions()).containsExactly(A);
    List<Map<String, Object>> log = m.log();
    assertThat(log).hasSize(2);
    Map<String, Object> partial = log.get(1);
    assertThat(partial.get("revision")).isEqualTo(B);
    assertThat(partial.get("outcome")).isEqualTo("partial");
    assertThat(partial.get("last_statement")).isEqualTo(1);
    assertThat((String) partial.get("error")).contains("no_such_column");

    // the next run refuses, naming both ways out
    RetortException refused = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));
    assertThat(refused.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(refused.getMessage()).contains(file).contains("statement 1");
    assertThat(refused.hint()).contains("--resume").contains("stamp");
    assertThat(validIndexes()).containsExactly("t_id_idx");
    assertThat(m.log()).hasSize(2);

    // fixed, resume continues from statement 2
    m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);\n"
            + "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);\n"
            + "CREATE INDEX CONCURRENTLY t_both_idx ON t (id, v);",
        "DROP INDEX CONCURRENTLY t_both_idx;");
    assertThat(m.retort().upgrade("head", true).steps()).extracting(s -> s.revision()).containsExactly(B);

    assertThat(validIndexes()).containsExactly("t_both_idx", "t_id_idx", "t_v_idx");
    assertThat(m.versions()).containsExactly(B);
    Map<String, Object> done = m.log().get(2);
    assertThat(done.get("revision")).isEqualTo(B);
    assertThat(done.get("outcome")).isEqualTo("applied");
    assertThat(done.get("last_statement")).isEqualTo(3);

    // and the next run is a normal one again
    assertThat(m.retort().upgrade("head").nothingToDo()).isTrue();
  }

  @Test
  void resumeWithNothingPartialIsAnOrdinaryUpgrade() throws Exception {
    m.write(B, A, false, "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);", "DROP INDEX CONCURRENTLY t_id_idx;");
    assertThat(m.retort().upgrade("head", true).steps()).hasSize(2);
    assertThat(validIndexes()).containsExactly("t_id_idx");
  }

  @Test
  void aFailingFirstStatementRecordsZeroAndResumesFromTheFirst() throws Exception {
    String file = m.write(B, A, false,
        "CREATE INDEX CONCURRENTLY t_x_idx ON t (no_such_column);\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);",
        "DROP INDEX CONCURRENTLY t_v_idx;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "CREATE INDEX CONCURRENTLY t_x_idx ON t (no_such_column);"));
    assertThat(e.hint()).contains("statement 1");
    Map<String, Object> partial = m.log().get(1);
    assertThat(partial.get("outcome")).isEqualTo("partial");
    assertThat(partial.get("last_statement")).isEqualTo(0);

    RetortException refused = assertThrows(RetortException.class, () -> m.retort().downgrade("base"));
    assertThat(refused.hint()).contains("--resume").contains("stamp");
    assertThat(m.tableExists("public.t")).isTrue();

    m.write(B, A, false, "CREATE INDEX CONCURRENTLY t_x_idx ON t (id);\nCREATE INDEX CONCURRENTLY t_v_idx ON t (v);",
        "DROP INDEX CONCURRENTLY t_v_idx;");
    m.retort().upgrade("head", true);
    assertThat(validIndexes()).containsExactly("t_v_idx", "t_x_idx");
    assertThat(m.versions()).containsExactly(B);
  }

  private List<String> validIndexes() throws Exception {
    return m.column("SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid = 'public.t'::regclass AND i.indisvalid ORDER BY 1");
  }
}
