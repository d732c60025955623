package retort.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Environment;
import retort.Migrations;

/**
 * One meaning for the step settings, whatever the kind of step: a timeout of 0 is off, an unset one
 * keeps the session's (here the database's) default; synchronous_commit is lowered to off for a step
 * whose commit a later one flushes and otherwise left as the server, database or role has it.
 */
class StepSettingsTest {

  @TempDir Path dir;
  Migrations m;

  static final String SEEN = "SELECT current_setting('lock_timeout') || ' ' || current_setting('statement_timeout')"
      + " || ' ' || current_setting('synchronous_commit') || ' ' || current_setting('client_connection_check_interval')";

  @BeforeEach
  void setUp() throws Exception {
    m = new Migrations(dir);
    try (Connection c = m.connect(); Statement s = c.createStatement()) {
      String db = c.getCatalog();
      s.execute("ALTER DATABASE " + db + " SET statement_timeout = '7s'");
      s.execute("ALTER DATABASE " + db + " SET synchronous_commit = 'remote_apply'");
    }
    m.write("a1", null, "CREATE TABLE seen (step text, settings text);\nINSERT INTO seen " + SEEN.replace("SELECT ",
        "SELECT 'transactional, not last', ") + ";", "DROP TABLE seen;");
    m.write("a2", "a1", false, "INSERT INTO seen " + SEEN.replace("SELECT ", "SELECT 'non-transactional', ") + ";",
        "DELETE FROM seen;");
    m.write("a3", "a2", "INSERT INTO seen " + SEEN.replace("SELECT ", "SELECT 'transactional, last', ") + ";",
        "DELETE FROM seen;");
  }

  @Test
  void zeroTurnsATimeoutOffAndUnsetKeepsTheDefaultInEveryKindOfStep() throws Exception {
    Environment env = Environment.of("test", m.url).withTimeouts(Duration.ZERO, null);

    m.retort(env, null, null).upgrade("head");

    assertThat(m.column("SELECT step || ': ' || settings FROM seen ORDER BY step"))
        .containsExactly("non-transactional: 0 7s remote_apply 1s", "transactional, last: 0 7s remote_apply 1s",
            "transactional, not last: 0 7s off 1s");
  }

  @Test
  void setTimeoutsAreSetInEveryKindOfStep() throws Exception {
    Environment env = Environment.of("test", m.url).withTimeouts(Duration.ofMillis(1500), Duration.ofMinutes(2));

    m.retort(env, null, null).upgrade("head");

    assertThat(m.column("SELECT step || ': ' || settings FROM seen ORDER BY step"))
        .containsExactly("non-transactional: 1500ms 2min remote_apply 1s",
            "transactional, last: 1500ms 2min remote_apply 1s", "transactional, not last: 1500ms 2min off 1s");
  }

  @Test
  void theOfflineScriptSetsTheSameWithTheSameMeaning() {
    String zero = m.retort(Environment.of("test", m.url).withTimeouts(Duration.ZERO, null), null, null)
        .offlineSql("upgrade", "base:head");

    assertThat(zero).contains("SET LOCAL lock_timeout = '0ms';").contains("SET lock_timeout = '0ms';")
        .doesNotContain("SET LOCAL statement_timeout").doesNotContain("SET statement_timeout")
        .doesNotContain("SET LOCAL synchronous_commit");
  }
}
