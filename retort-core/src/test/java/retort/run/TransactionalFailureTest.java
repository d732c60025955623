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

/** A revision's statements, version change and log row commit together or not at all. */
class TransactionalFailureTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String C = "cccc00000003";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE a1 (id int);", "DROP TABLE a1;");
    m.write(B, A, "CREATE TABLE b1 (id int);", "DROP TABLE b1;");
  }

  @Test
  void thirdStatementFailsOnItsFirstLine() throws Exception {
    String file = m.write(C, B,
        "CREATE TABLE c1 (id int, name text);\n"
            + "INSERT INTO c1 VALUES (1, 'x');\n"
            + "INSERT INTO no_such_table VALUES (1);\n"
            + "CREATE TABLE c2 (id int);",
        "DROP TABLE c1;");
    int line = m.lineOf(file, "INSERT INTO no_such_table VALUES (1);");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.location()).isEqualTo(file + ":" + line);
    assertThat(e.reason()).isEqualTo("ERROR 42P01: relation \"no_such_table\" does not exist");
    assertThat(e.hint()).contains("nothing of " + C + " was applied");
    assertNothingOfCPersisted("relation \"no_such_table\" does not exist");
  }

  @Test
  void errorOnALaterLineOfAMultiLineStatementNamesThatLine() throws Exception {
    String file = m.write(C, B,
        "CREATE TABLE c1 (id int, name text);\n"
            + "INSERT INTO c1 VALUES (1, 'x');\n"
            + "SELECT id,\n"
            + "       name,\n"
            + "       no_such_column\n"
            + "  FROM c1;\n"
            + "CREATE TABLE c2 (id int);",
        "DROP TABLE c1;");
    int first = m.lineOf(file, "SELECT id,");
    int bad = m.lineOf(file, "no_such_column");
    assertThat(bad).isEqualTo(first + 2);

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.location()).isEqualTo(file + ":" + bad);
    assertThat(e.reason()).isEqualTo("ERROR 42703: column \"no_such_column\" does not exist");
    assertThat(e.describe()).isEqualTo(file + ":" + bad + ": ERROR 42703: column \"no_such_column\" does not exist");
    assertNothingOfCPersisted("no_such_column");
  }

  @Test
  void errorInsideAStatementAfterACommentAndBlankLines() throws Exception {
    String file = m.write(C, B,
        "CREATE TABLE c1 (id int, name text);\n"
            + "INSERT INTO c1 VALUES (1, 'x');\n"
            + "-- a comment before the statement\n"
            + "\n"
            + "UPDATE c1\n"
            + "   SET name = 'y'\n"
            + " WHERE no_such_column = 1;",
        "DROP TABLE c1;");
    int bad = m.lineOf(file, "WHERE no_such_column = 1;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + bad);
    assertNothingOfCPersisted("no_such_column");
  }

  @Test
  void failureInALaterRunLeavesTheEarlierRunsAlone() throws Exception {
    m.retort().upgrade("head");
    m.write(C, B, "CREATE TABLE c1 (id int);\nCREATE TABLE a1 (id int);", "DROP TABLE c1;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.reason()).startsWith("ERROR 42P07:");
    assertThat(m.versions()).containsExactly(B);
    assertThat(m.tableExists("public.c1")).isFalse();
    assertThat(m.log()).extracting(r -> r.get("revision") + " " + r.get("outcome"))
        .containsExactly(A + " applied", B + " applied", C + " failed");

    m.write(C, B, "CREATE TABLE c1 (id int);", "DROP TABLE c1;");
    assertThat(m.retort().upgrade("head").steps()).hasSize(1);
    assertThat(m.versions()).containsExactly(C);
  }


  @Test
  void theErrorLineCountsCharactersAsTheServerDoes() throws Exception {
    // the server's error position counts characters; emoji are two Java chars each
    String file = m.write(C, B,
        "CREATE TABLE c1 (id int, name text);\n"
            + "INSERT INTO c1 VALUES (1, 'x');\n"
            + "SELECT '\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00' AS x,\n"
            + "no_such_column\n"
            + "  FROM c1;",
        "DROP TABLE c1;");
    int bad = m.lineOf(file, "no_such_column");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + bad);
    assertNothingOfCPersisted("no_such_column");
  }

  @Test
  void aFailingDowngradeChangesNothing() throws Exception {
    m.write(C, B, "CREATE TABLE c1 (id int);", "DROP TABLE c1;\nDROP TABLE no_such_table;");
    m.retort().upgrade("head");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().downgrade("base"));

    assertThat(e.kind()).isEqualTo(RetortException.Kind.ERROR);
    assertThat(e.reason()).startsWith("ERROR 42P01:");
    assertThat(m.tableExists("public.c1")).isTrue();
    assertThat(m.versions()).containsExactly(C);
    assertThat(m.log()).extracting(r -> r.get("revision") + " " + r.get("direction") + " " + r.get("outcome"))
        .containsExactly(A + " upgrade applied", B + " upgrade applied", C + " upgrade applied",
            C + " downgrade failed");
  }

  private void assertNothingOfCPersisted(String errorText) throws Exception {
    assertThat(m.tableExists("public.c1")).isFalse();
    assertThat(m.tableExists("public.c2")).isFalse();
    // the earlier migrations of the same run stay applied
    assertThat(m.tableExists("public.a1")).isTrue();
    assertThat(m.tableExists("public.b1")).isTrue();
    assertThat(m.versions()).containsExactly(B);
    List<Map<String, Object>> log = m.log();
    assertThat(log).extracting(r -> r.get("revision") + " " + r.get("outcome"))
        .containsExactly(A + " applied", B + " applied", C + " failed");
    Map<String, Object> failed = log.get(2);
    assertThat(failed.get("direction")).isEqualTo("upgrade");
    assertThat((String) failed.get("error")).contains(errorText);
    assertThat((String) failed.get("checksum")).matches("v1:[0-9a-f]{64}");
    assertThat(failed.get("last_statement")).isNull();
  }
}
