package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/**
 * Offline mode does what online mode does: the {@code upgrade --sql base:head} script, run by psql
 * (or, where psql is missing, statement by statement over JDBC), leaves the same catalog and version
 * table as an online {@code upgrade head}; {@code downgrade --sql head:base} and {@code downgrade base}
 * both leave the database as empty as it started. The migration set has two branches, a merge, a
 * label, plpgsql functions with {@code $$} and {@code $tag$} bodies, and a {@code transactional: false}
 * {@code CREATE INDEX CONCURRENTLY}.
 */
class OfflineEquivalenceTest {

  static final Path PSQL = Path.of("/usr/bin/psql");

  @TempDir Path tmp;

  /** How a script gets run: by psql where it is installed, else by JDBC. */
  enum ScriptRunner { PSQL, JDBC }

  static boolean psqlPresent() {
    return Files.isExecutable(PSQL);
  }

  static ScriptRunner preferred() {
    return psqlPresent() ? ScriptRunner.PSQL : ScriptRunner.JDBC;
  }

  static void run(ScriptRunner how, String url, Path script) throws IOException, InterruptedException {
    if (how == ScriptRunner.JDBC) {
      Issue5CommandsTest.runScript(url, Files.readString(script));
      return;
    }
    String db = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
    Process p = new ProcessBuilder(PSQL.toString(), "-v", "ON_ERROR_STOP=1", "-X", "-q",
        "-d", "host=localhost port=" + TestPostgres.port() + " user=postgres dbname=" + db, "-f", script.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("psql failed:\n" + output).isZero();
    assertThat(output).as("psql printed errors").doesNotContain("ERROR");
  }

  static CatalogSnapshot snapshot(String url) throws SQLException {
    try (Connection c = TestPostgres.connect(url)) {
      return CatalogSnapshot.take(c, List.of("public"));
    }
  }

  /** The log as "revision direction outcome" lines, in order. */
  static List<String> log(Project p) {
    return p.logRows();
  }

  private Path sql(Project p, String name, String... args) throws IOException {
    CliRun r = p.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path file = tmp.resolve(name);
    Files.writeString(file, r.out());
    return file;
  }

  @Test
  void offlineUpgradeAndDowngradeByPsqlMatchOnline() throws Exception {
    assumeTrue(psqlPresent(), "psql is not installed: the JDBC test covers the scripts");
    equivalence(ScriptRunner.PSQL);
  }

  @Test
  void offlineUpgradeAndDowngradeByJdbcMatchOnline() throws Exception {
    equivalence(ScriptRunner.JDBC);
  }

  private void equivalence(ScriptRunner how) throws Exception {
    String emptyUrl = TestPostgres.newDatabase();
    CatalogSnapshot empty = snapshot(emptyUrl);

    // offline: a project whose database is never reachable, so --sql cannot have connected
    Project offline = Project.create(tmp.resolve("offline"), TestPostgres.newDatabase());
    Issue5CommandsTest.copyGraph(offline);
    offline.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://u:secret@127.0.0.1:1/none\"\n");
    Path up = sql(offline, "up.sql", "upgrade", "--sql", "base:head");
    Path down = sql(offline, "down.sql", "downgrade", "--sql", "head:base");
    String upText = Files.readString(up);
    assertThat(upText).contains("CREATE INDEX CONCURRENTLY").contains("$$").contains("$body$")
        .doesNotContain("secret");
    assertThat(upText.indexOf("CREATE INDEX CONCURRENTLY")).as("outside a transaction block")
        .isLessThan(upText.indexOf("BEGIN;", upText.indexOf("-- Running upgrade b2b2b2b2b2b2 -> d4d4d4d4d4d4")));

    Project online = Project.create(tmp.resolve("online"));
    Issue5CommandsTest.copyGraph(online);
    CliRun r = online.run("upgrade", "head");
    assertThat(r.exitCode()).as(r.toString()).isZero();

    run(how, offline.url, up);

    CatalogSnapshot onlineUp = snapshot(online.url);
    CatalogSnapshot offlineUp = snapshot(offline.url);
    assertThat(onlineUp).isNotEqualTo(empty);
    assertThat(offlineUp.diff(onlineUp)).as("catalog differences after upgrade").isEmpty();
    assertThat(offlineUp).isEqualTo(onlineUp);
    assertThat(offline.versionRows()).isEqualTo(online.versionRows()).containsExactly(Issue5CommandsTest.G);
    assertThat(log(offline)).isEqualTo(log(online)).hasSize(7);
    assertThat(offline.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'apartments_title_idx'::regclass"))
        .containsExactly("t");
    // what Retort sees of a database upgraded offline
    CliRun check = offline.run("--url", offline.url, "check");
    assertThat(check.exitCode()).as(check.toString()).isZero();

    CliRun d = online.run("downgrade", "base");
    assertThat(d.exitCode()).as(d.toString()).isZero();
    run(how, offline.url, down);

    CatalogSnapshot onlineDown = snapshot(online.url);
    CatalogSnapshot offlineDown = snapshot(offline.url);
    assertThat(offlineDown.diff(onlineDown)).as("catalog differences after downgrade").isEmpty();
    assertThat(offlineDown).isEqualTo(onlineDown);
    assertThat(onlineDown.diff(empty)).as("left behind by the downgrade").isEmpty();
    assertThat(offline.versionRows()).isEmpty();
    assertThat(online.versionRows()).isEmpty();
    assertThat(log(offline)).isEqualTo(log(online)).hasSize(14);
  }
}
