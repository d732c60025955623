package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hints that can be followed as written: they repeat the global options in force. */
class HintsTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
  }


  @Test
  void aHintRepeatsTheConfigAndTheEnvironmentInForce() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://nobody@127.0.0.1:9/none\"\n\n"
        + "[env.prod]\nurl = \"" + p.url + "\"\n");

    CliRun check = p.run("-e", "prod", "check");

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(check.hint()).isEqualTo("hint: run `retort -c " + p.toml + " -e prod upgrade head`");

    // following the hint upgrades prod, and prod only
    CliRun followed = p.run("-e", "prod", "upgrade", "head");
    assertThat(followed.exitCode()).as(followed.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void aUrlGivenOnTheCommandLineIsRepeatedMasked() {
    String withPassword = p.url.replace("?user=postgres", "?user=postgres&password=hunter22");

    CliRun check = CliRun.of("--url", withPassword, "-c", p.toml.toString(), "check");

    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
    assertThat(check.hint()).startsWith("hint: run `retort -c " + p.toml + " --url 'postgresql://postgres:***@localhost:")
        .endsWith(" upgrade head`");
    assertThat(check.all()).doesNotContain("hunter22");
  }

  @Test
  void aHintThatNamesAnotherEnvironmentKeepsIt() {
    p.writeToml("script_location = \"migrations\"\n\n[env.staging]\nurl = \"" + p.url + "\"\n\n"
        + "[env.prod]\nurl = \"" + p.url + "\"\npromote_from = \"staging\"\n");

    CliRun r = p.run("-e", "prod", "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(4);
    assertThat(r.hint()).isEqualTo("hint: upgrade staging first: `retort -c " + p.toml + " -e staging upgrade head`");
  }

  @Test
  void anOfflineRangeMayStartWithARelativeRevision() {
    CliRun spaced = p.run("upgrade", "--sql", "-1:head");
    CliRun joined = p.run("upgrade", "--sql=-1:head");
    CliRun explicit = p.run("upgrade", "--sql", "head-1:head");

    assertThat(spaced.exitCode()).as(spaced.toString()).isZero();
    assertThat(joined.exitCode()).as(joined.toString()).isZero();
    assertThat(spaced.out()).isEqualTo(joined.out()).isEqualTo(explicit.out())
        .contains("CREATE TABLE apartments").doesNotContain("CREATE TABLE users");
    assertThat(p.versionTableExists()).isFalse();
  }

  @Test
  void anUnknownHostIsNamedWithItsPort() {
    CliRun r = p.run("--url", "postgresql://app:pw@no-such-host.invalid:6543/app", "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).contains("cannot connect to postgresql://app:***@no-such-host.invalid:6543/app:"
        + " the host 'no-such-host.invalid' (port 6543) is unknown: its name does not resolve;"
        + " check the host in the URL").doesNotContain(":pw@");
  }

  @Test
  void aBadUrlGivenWithTheOptionIsReportedAsTheOption() {
    CliRun r = p.run("--url", "postgresql://app:50%off@db/app", "current");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: --url: ").doesNotContain("env.dev").doesNotContain("50%off");
  }

  @Test
  void envsListsWhateverEnvironmentsThereAreWithoutADev() {
    p.writeToml("script_location = \"migrations\"\n\n[env.staging]\nurl = \"" + p.url + "\"\n\n"
        + "[env.prod]\nurl = \"${RETORT_TEST_SURELY_UNSET_PROD_URL}\"\n");

    CliRun r = p.run("envs");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList()).hasSize(2);
    assertThat(r.out()).containsPattern("(?m)^staging  postgresql://postgres@localhost:\\d+/\\S+\\s+base, 2 pending$")
        .containsPattern("(?m)^prod +- +not configured: .*RETORT_TEST_SURELY_UNSET_PROD_URL.*$");
  }

  @Test
  void anUnknownTargetNamesTheClosestRevisionLabelOrKeyword() {
    p.file("ccccccccccc3_invoices.sql", "-- revision: ccccccccccc3\n-- down_revision: none\n-- branch_labels: billing\n"
        + "-- +upgrade\nSELECT 1;\n");

    CliRun keyword = p.run("upgrade", "hed");
    assertThat(keyword.exitCode()).as(keyword.toString()).isEqualTo(2);
    assertThat(keyword.error()).isEqualTo("error: no revision, prefix or branch label matches 'hed'");
    assertThat(keyword.hint()).startsWith("hint: did you mean `head`?");

    assertThat(p.run("show", "biling").hint()).startsWith("hint: did you mean `billing`?");
    assertThat(p.run("upgrade", "biling@head").hint()).startsWith("hint: did you mean `billing`?");
    assertThat(p.run("show", "bbbbbbbbbbc2").hint()).startsWith("hint: did you mean `" + B + "`?");
    assertThat(p.run("show", "zzzz").hint()).startsWith("hint: use `head`, `heads`, `base`");
  }
}
