package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * Issue 4: staging and prod as two databases on the embedded server, their URLs from environment
 * variables, prod promoted from staging, and the password of either never printed.
 */
class EnvironmentsTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";
  static final String PASSWORD = "Sochi-s3cret-pw";

  @TempDir Path tmp;
  Project staging;
  Project prod;
  Map<String, String> env;

  @BeforeEach
  void setUp() {
    staging = Project.create(tmp.resolve("staging"));
    prod = Project.create(tmp, TestPostgres.newDatabase());
    prod.table(A, null, "users");
    prod.table(B, A, "apartments");
    prod.writeToml("script_location = \"migrations\"\n\n"
        + "[env.dev]\nurl = \"" + prod.url + "\"\n\n"
        + "[env.staging]\nurl = \"${STAGING_URL}\"\n\n"
        + "[env.prod]\nurl = \"${PROD_URL}\"\nconfirm = true\nallow_downgrade = false\npromote_from = \"staging\"\n");
    env = new HashMap<>();
    env.put("STAGING_URL", withPassword(staging.url));
    env.put("PROD_URL", withPassword(prod.url));
  }

  /** The test server trusts local connections, so a password in the URL is accepted and must stay hidden. */
  private static String withPassword(String jdbcUrl) {
    return jdbcUrl + "&password=" + PASSWORD;
  }

  private CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = prod.toml.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(all, o, e, env);
    }
    CliRun r = new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    assertThat(r.all()).as("the password is never printed").doesNotContain(PASSWORD);
    return r;
  }

  @Test
  void prodRefusesARevisionThatStagingLacksThenAcceptsItOnceStagingHasIt() {
    assertThat(run("-e", "staging", "upgrade", A).exitCode()).isZero();

    CliRun refused = run("-e", "prod", "--yes", "upgrade", "head");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(refused.err()).contains("staging").contains(B).contains("promote_from");
    assertThat(prod.versionTableExists()).isFalse();

    assertThat(run("-e", "prod", "--yes", "upgrade", A).exitCode()).isZero();
    assertThat(prod.versionRows()).containsExactly(A);

    assertThat(run("-e", "staging", "upgrade", "head").exitCode()).isZero();
    CliRun accepted = run("-e", "prod", "--yes", "upgrade", "head");
    assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
    assertThat(prod.versionRows()).containsExactly(B);
    assertThat(prod.tableExists("public.apartments")).isTrue();
  }

  @Test
  void prodAsksForConfirmationAndRefusesWithoutATerminalOrYes() {
    assertThat(run("-e", "staging", "upgrade", "head").exitCode()).isZero();

    CliRun refused = run("-e", "prod", "upgrade", "head");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("confirm").contains("--yes");
    assertThat(prod.versionTableExists()).isFalse();

    assertThat(run("-e", "prod", "upgrade", "head", "-y").exitCode()).isZero();
    assertThat(prod.versionRows()).containsExactly(B);
  }

  @Test
  void downgradeOnProdNeedsAllowDowngrade() {
    assertThat(run("-e", "staging", "upgrade", "head").exitCode()).isZero();
    assertThat(run("-e", "prod", "--yes", "upgrade", "head").exitCode()).isZero();

    CliRun refused = run("-e", "prod", "--yes", "downgrade", "-1");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(refused.err()).contains("allow_downgrade").contains("--allow-downgrade");
    assertThat(prod.versionRows()).containsExactly(B);

    CliRun allowed = run("-e", "prod", "--yes", "downgrade", "-1", "--allow-downgrade");
    assertThat(allowed.exitCode()).as(allowed.toString()).isZero();
    assertThat(prod.versionRows()).containsExactly(A);
  }

  @Test
  void retortEnvPicksTheEnvironment() {
    env.put("RETORT_ENV", "staging");

    assertThat(run("upgrade", "head").exitCode()).isZero();

    assertThat(staging.versionRows()).containsExactly(B);
    assertThat(prod.versionTableExists()).isFalse();
  }

  @Test
  void envsShowsEveryEnvironmentWithItsRevisionAndPendingCount() {
    assertThat(run("-e", "staging", "upgrade", A).exitCode()).isZero();
    env.put("PROD_URL", "postgresql://easysochi:" + PASSWORD + "@127.0.0.1:1/easysochi");

    CliRun r = run("envs");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    String[] lines = r.out().strip().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("dev").contains("base").contains("2 pending");
    assertThat(lines[1]).startsWith("staging").contains(A).contains("1 pending").contains(":***@");
    assertThat(lines[2]).startsWith("prod").contains("postgresql://easysochi:***@127.0.0.1:1/easysochi")
        .contains("unreachable");
  }

  @Test
  void aMissingVariableAnUnknownEnvironmentAndAMalformedUrlAreOneLineErrors() {
    env.remove("PROD_URL");
    CliRun missing = run("-e", "prod", "current");
    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("PROD_URL").contains("env.prod.url").contains("hint:");

    CliRun unknown = run("-e", "qa", "current");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("env.qa").contains("dev, staging, prod");

    env.put("STAGING_URL", "mysql://root:" + PASSWORD + "@db/x");
    CliRun malformed = run("-e", "staging", "upgrade", "head");
    assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(malformed.err()).contains("not a PostgreSQL URL").contains("hint:");

    for (CliRun r : new CliRun[] {missing, unknown, malformed}) {
      assertThat(r.err().lines().filter(l -> l.startsWith("error: "))).hasSize(1);
      assertThat(r.err()).doesNotContain("\tat ");
    }
    assertThat(staging.versionTableExists()).isFalse();
    assertThat(prod.versionTableExists()).isFalse();
  }

  @Test
  void pgpasswordIsUsedWhereTheUrlHasNoneAndNeverPrinted() {
    env.put("PGPASSWORD", PASSWORD);
    env.put("STAGING_URL", staging.url);

    CliRun r = run("-e", "staging", "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(staging.versionRows()).containsExactly(B);
  }

  @Test
  void pgpasswordAuthenticatesARoleThatNeedsAPassword() throws Exception {
    staging.execute("DROP ROLE IF EXISTS " + TestPostgres.PASSWORD_ROLE);
    staging.execute("CREATE ROLE " + TestPostgres.PASSWORD_ROLE + " LOGIN PASSWORD '" + PASSWORD + "'");
    String host = "localhost:" + TestPostgres.port();
    String database = staging.url.substring(staging.url.lastIndexOf('/') + 1, staging.url.indexOf('?'));
    env.put("STAGING_URL", "postgresql://" + TestPostgres.PASSWORD_ROLE + "@" + host + "/" + database);

    env.put("PGPASSWORD", "not-the-password");
    CliRun wrong = run("-e", "staging", "current");
    assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(ExitCode.ERROR);
    assertThat(wrong.err()).contains("password authentication failed").contains("hint:")
        .doesNotContain("not-the-password");

    env.put("PGPASSWORD", PASSWORD);
    CliRun right = run("-e", "staging", "current");
    assertThat(right.exitCode()).as(right.toString()).isZero();
  }
}
