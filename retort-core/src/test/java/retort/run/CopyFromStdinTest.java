package retort.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;
import retort.RetortException;

/** {@code COPY ... FROM stdin} with its rows in the file, as psql reads it, runs through the driver's COPY API. */
class CopyFromStdinTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    m.write(A, null, "CREATE TABLE city (id int PRIMARY KEY, name text, note text);", "DROP TABLE city;");
  }

  static final String COPY = "COPY city (id, name, note) FROM stdin;\n"
      + "1\tSochi\t\\N\n"
      + "2\tAdler\tsemi; colon -- not a comment\n"
      + "\\.\n";

  @Test
  void inATransactionalMigrationTheRowsAreCopiedWithTheStep() throws Exception {
    m.write(B, A, "INSERT INTO city VALUES (0, 'before', NULL);\n" + COPY + "UPDATE city SET note = 'after' WHERE id = 0;",
        "DELETE FROM city;");

    m.retort().upgrade("head");

    assertThat(m.column("SELECT id || ' ' || name || ' ' || coalesce(note, 'NULL') FROM city ORDER BY id"))
        .containsExactly("0 before after", "1 Sochi NULL", "2 Adler semi; colon -- not a comment");
    assertThat(m.versions()).containsExactly(B);
  }

  @Test
  void inANonTransactionalMigrationToo() throws Exception {
    m.write(B, A, false, COPY + "CREATE INDEX CONCURRENTLY city_name ON city (name);", "DELETE FROM city;");

    m.retort().upgrade("head");

    assertThat(m.column("SELECT count(*) FROM city")).containsExactly("2");
    assertThat(m.log().get(1).get("last_statement")).isEqualTo(2);
  }

  @Test
  void aBadRowFailsOnTheCopyAndNothingOfTheStepStays() throws Exception {
    String file = m.write(B, A, "INSERT INTO city VALUES (0, 'before', NULL);\n"
        + "COPY city (id, name, note) FROM stdin;\n1\tSochi\t\\N\nnot-a-number\tX\tY\n\\.\n", "DELETE FROM city;");

    RetortException e = assertThrows(RetortException.class, () -> m.retort().upgrade("head"));

    assertThat(e.location()).isEqualTo(file + ":" + m.lineOf(file, "COPY city (id, name, note) FROM stdin;"));
    assertThat(e.reason()).startsWith("ERROR 22P02");
    assertThat(m.column("SELECT count(*) FROM city")).containsExactly("0");
    assertThat(m.versions()).containsExactly(A);
  }

  @Test
  void theOfflineScriptCarriesTheRowsForPsql() {
    m.write(B, A, COPY, "DELETE FROM city;");

    String sql = m.retort().offlineSql("upgrade", "base:head");

    assertThat(sql).contains(COPY);
  }
}
