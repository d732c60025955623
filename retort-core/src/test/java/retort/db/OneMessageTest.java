package retort.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Migrations;

/** Several statements in one message: the failed one is named exactly, whichever way they travel. */
class OneMessageTest {

  @TempDir Path dir;

  @Test
  void theFailedPartIsNamedAndThePartsBeforeItRan() throws Exception {
    Migrations m = new Migrations(dir);
    try (Connection c = m.connect()) {
      c.setAutoCommit(true);
      OneMessage.PartFailed f = assertThrows(OneMessage.PartFailed.class, () -> OneMessage.send(c,
          List.of("CREATE TABLE one (id int)", "SELECT 1", "INSERT INTO one VALUES ('x')", "CREATE TABLE two (id int)")));

      assertThat(f.part()).isEqualTo(2);
      assertThat(f.getCause().getSQLState()).isEqualTo("22P02");
    }
    // in autocommit the whole message is one implicit transaction: nothing of it stays
    assertThat(m.tableExists("public.one")).isFalse();
    assertThat(m.tableExists("public.two")).isFalse();
  }

  @Test
  void partsTheDriverWouldSplitDifferentlyStillNameTheirPart() throws Exception {
    Migrations m = new Migrations(dir);
    try (Connection c = m.connect()) {
      c.setAutoCommit(false);
      // the driver stops splitting after a BEGIN ATOMIC body, and rewrites ?? to ?
      OneMessage.PartFailed f = assertThrows(OneMessage.PartFailed.class, () -> OneMessage.send(c, List.of(
          "CREATE FUNCTION half(x int) RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT x / 2; END",
          "SELECT '{\"a\":1}'::jsonb ? 'a'",
          "SELECT half(1) / 0",
          "CREATE TABLE never (id int)")));

      assertThat(f.part()).isEqualTo(2);
      assertThat(f.getCause().getSQLState()).isEqualTo("22012");
      c.rollback();
    }
  }

  @Test
  void aMessageThatSucceedsRunsEveryPart() throws Exception {
    Migrations m = new Migrations(dir);
    try (Connection c = m.connect()) {
      c.setAutoCommit(false);
      OneMessage.send(c, List.of("CREATE TABLE one (id int)", "INSERT INTO one VALUES (1), (2)",
          "SELECT * FROM one", "-- a comment first\nINSERT INTO one SELECT id + 10 FROM one", "COMMIT"));
      c.commit();
    }
    assertThat(m.column("SELECT id FROM public.one ORDER BY id")).containsExactly("1", "2", "11", "12");
  }
}
