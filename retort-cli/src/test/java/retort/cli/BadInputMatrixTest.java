package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/**
 * The bad-input matrix of issue 6: for each kind of bad input, the exact exit code, an
 * {@code error:} line and a {@code hint:} line on standard error (no stack trace, never the
 * password), and the database exactly as it was (catalog of {@code public}, version rows, log).
 */
class BadInputMatrixTest {

  static final String SECRET = "Sup3rSecretPw0rd";
  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";
  static final String C = "ccccccccccc3";
  static final String FILE_B = "versions/" + B + "_create_apartments.sql";

  @TempDir Path tmp;
  Project p;
  State before;

  /** What must not change: the catalog of public, the version rows and the log. */
  record State(List<String> catalog, List<String> versionRows, List<String> log) {}

  @BeforeEach
  void setUp() {
    // the server trusts local connections, so the password is ignored by it, but must never be printed
    p = Project.create(tmp, TestPostgres.newDatabase() + "&password=" + SECRET);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    CliRun up = p.run("upgrade", A);
    assertThat(up.exitCode()).as(up.toString()).isZero();
    before = state();
    assertThat(before.catalog()).anyMatch(l -> l.contains("public.users"));
  }

  private State state() {
    try (Connection c = TestPostgres.connect(p.url)) {
      return new State(CatalogSnapshot.take(c, List.of("public")).lines(), p.versionRows(), p.logRows());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Exit code, exactly an error line and a hint line (after any progress lines), no trace, no password. */
  private static void assertFails(CliRun r, int exitCode) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exitCode);
    List<String> lines = r.err().lines().filter(l -> !l.startsWith("Running ")).toList();
    assertThat(lines).as(r.toString()).hasSize(2);
    assertThat(lines.get(0)).as(r.toString()).startsWith("error: ");
    assertThat(lines.get(1)).as(r.toString()).startsWith("hint: ").hasSizeGreaterThan("hint: ".length() + 10);
    assertThat(r.all()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(SECRET);
  }

  private static String error(CliRun r) {
    return r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
  }

  private static String hint(CliRun r) {
    return r.err().lines().filter(l -> l.startsWith("hint: ")).findFirst().orElse("");
  }

  private void assertUnchanged() {
    assertThat(state()).isEqualTo(before);
  }

  // ---- migration files

  @Test
  void malformedHeaderBadRevisionId() {
    p.file(C + "_reviews.sql", """
        -- revision: not-a-rev!
        -- down_revision: bbbbbbbbbbb2
        -- message: reviews
        -- +upgrade
        CREATE TABLE reviews (id int);
        """);

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("versions/" + C + "_reviews.sql:1: ").contains("not-a-rev!")
        .contains("not a valid revision id");
    assertUnchanged();
  }

  @Test
  void unknownHeaderKey() {
    p.file(C + "_reviews.sql", """
        -- revision: ccccccccccc3
        -- down_revision: bbbbbbbbbbb2
        -- colour: red
        -- message: reviews
        -- +upgrade
        CREATE TABLE reviews (id int);
        """);

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("versions/" + C + "_reviews.sql:3: ").contains("unknown header key 'colour'");
    assertUnchanged();
  }

  @Test
  void noUpgradeSectionSqlUnderTheHeader() {
    p.file(C + "_reviews.sql", """
        -- revision: ccccccccccc3
        -- down_revision: bbbbbbbbbbb2
        -- message: reviews

        CREATE TABLE reviews (id int);
        """);

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("versions/" + C + "_reviews.sql:5: ").contains("-- +upgrade");
    assertUnchanged();
  }

  @Test
  void noUpgradeSectionAtAll() {
    p.file(C + "_reviews.sql", """
        -- revision: ccccccccccc3
        -- down_revision: bbbbbbbbbbb2
        -- message: reviews
        """);

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("versions/" + C + "_reviews.sql").contains("no `-- +upgrade` section");
    assertUnchanged();
  }

  @Test
  void duplicateRevisionId() {
    p.migration(B, A, "other apartments", "CREATE TABLE other (id int);", "DROP TABLE other;");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains(FILE_B).contains("versions/" + B + "_other_apartments.sql").contains(B);
    assertUnchanged();
  }

  @Test
  void cycle() {
    p.table(C, "ddddddddddd4", "c");
    p.table("ddddddddddd4", C, "d");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("cycle").contains("versions/" + C + "_create_c.sql")
        .contains("versions/ddddddddddd4_create_d.sql");
    assertUnchanged();
  }

  @Test
  void missingParent() {
    p.table(C, "deadbeef0000", "reviews");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("versions/" + C + "_create_reviews.sql").contains("deadbeef0000");
    assertUnchanged();
  }

  @Test
  void ambiguousPrefix() {
    p.table("bbbb00000003", A, "reviews");

    CliRun r = p.run("upgrade", "bbbb");

    assertFails(r, 2);
    assertThat(error(r)).contains("bbbb").contains(B).contains("bbbb00000003");
    assertThat(hint(r)).contains("more characters");
    assertUnchanged();
  }

  @Test
  void twoHeadsWithUpgradeHead() {
    p.table(C, A, "reviews");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains(B).contains(C);
    assertThat(hint(r)).contains("heads").contains("merge");
    assertUnchanged();
  }

  @Test
  void unknownTarget() {
    CliRun r = p.run("upgrade", "fedcba987654");

    assertFails(r, 2);
    assertThat(error(r)).contains("fedcba987654");
    assertUnchanged();
  }

  @Test
  void sqlErrorNamesFileAndLineAndRollsBack() {
    // B is not applied yet, so it may be rewritten; its second statement fails on line 7
    p.file(B + "_create_apartments.sql", """
        -- revision: bbbbbbbbbbb2
        -- down_revision: aaaaaaaaaaa1
        -- message: create apartments
        -- +upgrade
        CREATE TABLE apartments (id bigint PRIMARY KEY);
        INSERT INTO apartments
          VALUES ('not a number');
        -- +downgrade
        DROP TABLE apartments;
        """);

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 1);
    assertThat(error(r)).startsWith("error: " + FILE_B + ":7: ERROR 22P02: ").contains("not a number");
    State after = state();
    assertThat(after.catalog()).isEqualTo(before.catalog());
    assertThat(after.versionRows()).isEqualTo(before.versionRows());
    List<String> log = new ArrayList<>(before.log());
    log.add(B + " upgrade failed");
    assertThat(after.log()).as("the failure is logged, nothing else").isEqualTo(log);
  }

  // ---- the database connection

  @Test
  void unreachableHost() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://retort:" + SECRET
        + "@127.0.0.1:1/easysochi\"\n");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 1);
    assertThat(error(r)).contains("cannot connect").contains("127.0.0.1:1");
    assertThat(hint(r)).contains("host and port");
    assertUnchanged();
  }

  @Test
  void wrongUser() {
    // the embedded server trusts local connections, so a password is never refused; a role that does
    // not exist is the authentication failure it can show: FATAL 28000 role "..." does not exist
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://no_such_role:" + SECRET
        + "@localhost:" + TestPostgres.port() + "/" + database() + "\"\n");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 1);
    assertThat(error(r)).contains("cannot connect").contains("role \"no_such_role\" does not exist");
    assertThat(hint(r)).contains("user and password");
    assertUnchanged();
  }

  @Test
  void missingDatabase() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://postgres:" + SECRET
        + "@localhost:" + TestPostgres.port() + "/no_such_db\"\n");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 1);
    assertThat(error(r)).contains("cannot connect").contains("database \"no_such_db\" does not exist");
    assertThat(hint(r)).contains("create the database");
    assertUnchanged();
  }

  // ---- the config

  @Test
  void missingConfigFile() {
    CliRun r = CliRun.of("-c", "/nonexistent/retort.toml", "upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("/nonexistent/retort.toml").contains("no such config file");
    assertUnchanged();
  }

  @Test
  void invalidConfigFileBadToml() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev\nurl = \"" + p.url + "\"\n");

    CliRun r = p.run("upgrade", "head");

    // the one-line shape is checked by the disabled test below; everything else holds
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: ").contains("\nhint: ");
    assertThat(r.all()).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain(SECRET);
    assertThat(error(r)).contains(p.toml.toString()).contains("not valid TOML");
    assertUnchanged();
  }

  @Test
  void invalidConfigFileBadTomlIsOneLineWithTheLine() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev\nurl = \"" + p.url + "\"\n");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains(p.toml.toString() + ":3").contains("not valid TOML");
    assertUnchanged();
  }

  @Test
  void invalidConfigFileUnknownSetting() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + p.url + "\"\nlock_timout = \"5s\"\n");

    CliRun r = p.run("upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("env.dev.lock_timout").contains("unknown setting");
    assertThat(hint(r)).contains("lock_timeout");
    assertUnchanged();
  }

  @Test
  void unknownEnvironment() {
    CliRun r = p.run("-e", "nope", "upgrade", "head");

    assertFails(r, 2);
    assertThat(error(r)).contains("env.nope").contains("no such environment");
    assertThat(hint(r)).contains("dev");
    assertUnchanged();
  }

  // ---- the command line

  @Test
  void unknownOption() {
    CliRun r = p.run("upgrade", "head", "--bogus");

    assertFails(r, 2);
    assertThat(error(r)).contains("--bogus");
    assertThat(hint(r)).contains("retort upgrade --help");
    assertUnchanged();
  }

  @Test
  void usageHintPointsAtAWorkingHelp() {
    CliRun help = p.run("upgrade", "--help");

    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).contains("--allow-changed");
  }

  private String database() {
    String path = p.url.substring(0, p.url.indexOf('?'));
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
