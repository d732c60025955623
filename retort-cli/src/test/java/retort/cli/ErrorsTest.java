package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorsTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;
  Map<String, Object> before;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    CliRun up = p.run("upgrade", A);
    assertThat(up.exitCode()).as(up.toString()).isZero();
    before = p.state();
  }

  private void assertDatabaseUnchanged() {
    assertThat(p.state()).isEqualTo(before);
    assertThat(p.tableExists("public.apartments")).isFalse();
  }

  // ---- connections and secrets

  @Test
  void unreachableServerFromTheCommandLineNeverPrintsThePassword() {
    CliRun r = p.run("--url", "postgresql://user:secret@127.0.0.1:1/db", "current");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("cannot connect").contains("127.0.0.1");
    assertThat(r.all()).doesNotContain("secret");
  }

  @Test
  void unreachableServerFromTheConfigNeverPrintsThePassword() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://user:secret@127.0.0.1:1/db\"\n");

    for (String[] args : new String[][] {{"current"}, {"upgrade", "head"}, {"downgrade", "-1"}}) {
      CliRun r = p.run(args);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.all()).as(String.join(" ", args)).doesNotContain("secret");
      assertThat(r.err()).as(String.join(" ", args)).contains("cannot connect").contains("127.0.0.1:1");
    }
  }

  @Test
  void historyWithAnUnreachableServerWarnsListsOfflineAndHidesThePassword() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://user:secret@127.0.0.1:1/db\"\n");

    CliRun r = p.run("history");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("warning").contains("cannot connect");
    assertThat(r.out()).contains(A).contains(B).doesNotContain("(current)");
    assertThat(r.all()).doesNotContain("secret");
  }

  @Test
  void jdbcUrlPasswordIsNotPrintedEither() {
    CliRun r = p.run("--url", "jdbc:postgresql://127.0.0.1:1/db?user=u&password=secret", "current");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("cannot connect");
    assertThat(r.all()).doesNotContain("secret");
  }

  @Test
  void sqlAlchemyUrlPasswordIsNotPrinted() {
    CliRun r = p.run("--url", "postgresql+psycopg2://user:secret@127.0.0.1:1/db", "current");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("cannot connect");
    assertThat(r.all()).doesNotContain("secret");
  }

  @Test
  void wrongPasswordAgainstARealServerIsNotPrinted() {
    // the test server trusts every local connection, so a nonexistent database stands in for a refusal
    int port = retort.testing.TestPostgres.port();
    CliRun r = p.run("--url", "postgresql://postgres:secret@localhost:" + port + "/no_such_db", "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("no_such_db");
    assertThat(r.all()).doesNotContain("secret");
  }

  @Test
  void malformedUrlsNeverEchoThePassword() {
    for (String url : new String[] {
        "postgresql://user:secret@127.0.0.1:notaport/db",
        "postgresql://user:secret@/db",
        "mysql://user:secret@127.0.0.1/db",
        "jdbc:postgresql://127.0.0.1:notaport/db?password=secret",
        "postgresql://user:secret@127.0.0.1:1/db?sslmode=bogus"}) {
      CliRun r = p.run("--url", url, "current");
      assertThat(r.exitCode()).as(url + "\n" + r).isNotZero();
      assertThat(r.all()).as(url + "\n" + r).doesNotContain("secret");
    }
  }

  @Test
  void missingConfigFileIsAUsageError() {
    CliRun r = CliRun.of("-c", tmp.resolve("nope/retort.toml").toString(), "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("nope").contains("no such config file");
  }

  @Test
  void unknownEnvironmentIsAUsageError() {
    CliRun r = p.run("-e", "staging", "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("env.staging").contains("dev");
  }

  @Test
  void unknownCommandIsAUsageError() {
    CliRun r = p.run("upgarde");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
  }

  @Test
  void aMissingRequiredArgumentIsAUsageErrorNamingIt() {
    String[][] cases = {{"downgrade"}, {"stamp"}, {"show"}, {"init"}, {"revision"}, {"merge"}, {"history", "-r"}};
    String[] named = {"'TARGET'", "'REV'", "'REV'", "'DIR'", "'--message=MSG'", "'--message=MSG'", "'--rev-range' (RANGE)"};
    for (int i = 0; i < cases.length; i++) {
      CliRun r = p.run(cases[i]);

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).as(r.toString()).startsWith("error: Missing required").contains(named[i])
          .contains("hint: see `retort " + cases[i][0] + " --help`");
    }
  }

  // ---- the revision graph

  @Test
  void duplicateRevisionIdNamesBothFiles() {
    p.migration(B, A, "other apartments", "CREATE TABLE other (id int);", "DROP TABLE other;");

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("versions/" + B + "_create_apartments.sql")
        .contains("versions/" + B + "_other_apartments.sql");
    assertDatabaseUnchanged();
  }

  @Test
  void missingParentNamesTheFile() {
    p.table("ccccccccccc3", "deadbeef0000", "reviews");

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("versions/ccccccccccc3_create_reviews.sql").contains("deadbeef0000");
    assertDatabaseUnchanged();
  }

  @Test
  void cycleNamesTheFiles() {
    p.table("ccccccccccc3", "ddddddddddd4", "c");
    p.table("ddddddddddd4", "ccccccccccc3", "d");

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("cycle")
        .contains("versions/ccccccccccc3_create_c.sql")
        .contains("versions/ddddddddddd4_create_d.sql");
    assertDatabaseUnchanged();
  }

  @Test
  void ambiguousPrefixNamesTheCandidates() {
    p.table("bbbb00000003", A, "reviews");

    CliRun r = p.run("upgrade", "bbbb");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("bbbb").contains(B).contains("bbbb00000003");
    assertDatabaseUnchanged();
  }

  @Test
  void twoHeadsWithUpgradeHeadNamesBoth() {
    p.table("ccccccccccc3", A, "reviews");

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(B).contains("ccccccccccc3").contains("heads");
    assertDatabaseUnchanged();
  }

  @Test
  void unknownTargetIsNamed() {
    CliRun r = p.run("upgrade", "ffffffffffff");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("ffffffffffff");
    assertDatabaseUnchanged();
  }

  @Test
  void unknownDowngradeTargetIsNamed() {
    CliRun r = p.run("downgrade", "ffffffffffff");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("ffffffffffff");
    assertDatabaseUnchanged();
  }

  @Test
  void malformedHeaderNamesFileAndLine() {
    p.file("ccccccccccc3_colour.sql", """
        -- revision: ccccccccccc3
        -- down_revision: bbbbbbbbbbb2
        -- colour: red
        -- message: colour
        -- +upgrade
        CREATE TABLE colour (id int);
        -- +downgrade
        DROP TABLE colour;
        """);

    CliRun r = p.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("versions/ccccccccccc3_colour.sql:3").contains("colour");
    assertDatabaseUnchanged();
  }

  @Test
  void graphErrorsAlsoStopReadOnlyCommands() {
    p.table("ccccccccccc3", "deadbeef0000", "reviews");

    for (String cmd : new String[] {"current", "history", "heads"}) {
      CliRun r = p.run(cmd);
      assertThat(r.exitCode()).as(cmd + "\n" + r).isEqualTo(2);
      assertThat(r.err()).as(cmd).contains("versions/ccccccccccc3_create_reviews.sql");
    }
    assertDatabaseUnchanged();
  }

  @Test
  void graphErrorOnAFreshDatabaseCreatesNoTables() {
    Project fresh = Project.create(tmp.resolve("fresh"));
    fresh.table(A, null, "users");
    fresh.table(B, "deadbeef0000", "apartments");

    CliRun r = fresh.run("upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(fresh.versionTableExists()).isFalse();
    assertThat(fresh.tableExists("public.retort_log")).isFalse();
    assertThat(fresh.tableExists("public.users")).isFalse();
  }
}
