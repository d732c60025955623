package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policies retort.toml sets per environment: downgrades allowed, confirmation, promotion. */
class EnvironmentPolicyTest {

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
  void prodRefusesDowngradeWhenAllowDowngradeIsFalse() {
    p.writeToml("script_location = \"migrations\"\n\n[env.prod]\nurl = \"" + p.url + "\"\nallow_downgrade = false\n");
    assertThat(p.run("-e", "prod", "upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("-e", "prod", "downgrade", "-1");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("allow_downgrade");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.apartments")).isTrue();
  }

  @Test
  void prodWithConfirmRefusesWithoutYesWhenNoOneCanAnswer() {
    p.writeToml("script_location = \"migrations\"\n\n[env.prod]\nurl = \"" + p.url + "\"\nconfirm = true\n");

    CliRun r = p.run("-e", "prod", "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).contains("--yes");
    assertThat(p.versionTableExists()).isFalse();
    assertThat(p.tableExists("public.users")).isFalse();
  }

  @Test
  void prodWithConfirmProceedsWithYes() {
    p.writeToml("script_location = \"migrations\"\n\n[env.prod]\nurl = \"" + p.url + "\"\nconfirm = true\n");

    CliRun r = p.run("-e", "prod", "upgrade", "head", "--yes");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void environmentVariableInTheUrlIsExpandedOnlyForTheEnvironmentInUse() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n\n[env.prod]\n"
        + "url = \"${RETORT_TEST_SURELY_UNSET_VAR}\"\n");

    CliRun dev = p.run("upgrade", "head");
    assertThat(dev.exitCode()).as(dev.toString()).isZero();

    CliRun prod = p.run("-e", "prod", "current");
    assertThat(prod.exitCode()).as(prod.toString()).isEqualTo(2);
    assertThat(prod.err()).contains("RETORT_TEST_SURELY_UNSET_VAR").contains("env.prod.url");
  }

  // ---- what the confirmation shows, and when it asks

  private void prod(String settings) {
    p.writeToml("script_location = \"migrations\"\n\n[env.prod]\nurl = \"" + p.url.replace("?user=postgres", "?user=postgres&password=pr0d-secret")
        + "\"\n" + settings);
  }

  @Test
  void theConfirmationShowsTheMaskedDatabaseTheCurrentRevisionAndWhatWillRun() {
    prod("confirm = true\n");
    assertThat(p.run("-e", "prod", "--yes", "upgrade", A).exitCode()).isZero();

    CliRun no = CliRun.answering("n\n", "-c", p.toml.toString(), "-e", "prod", "upgrade", "head");

    assertThat(no.exitCode()).as(no.toString()).isEqualTo(2);
    assertThat(no.err()).as(no.toString())
        .contains("About to upgrade to head on prod: postgresql://postgres:***@localhost:")
        .contains("  at: " + A + "\n")
        .contains("  to apply: 1 migration\n")
        .contains("    " + B + "  create apartments (versions/" + B + "_create_apartments.sql)\n")
        .contains("Continue? [y/N] ")
        .contains("not confirmed: nothing was changed")
        .doesNotContain("pr0d-secret");
    assertThat(p.versionRows()).containsExactly(A);

    CliRun yes = CliRun.answering("y\n", "-c", p.toml.toString(), "-e", "prod", "upgrade", "head");

    assertThat(yes.exitCode()).as(yes.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void theDowngradeConfirmationListsWhatItUndoes() {
    prod("confirm = true\nallow_downgrade = true\n");
    assertThat(p.run("-e", "prod", "--yes", "upgrade", "head").exitCode()).isZero();

    CliRun no = CliRun.answering("no\n", "-c", p.toml.toString(), "-e", "prod", "downgrade", "-1");

    assertThat(no.exitCode()).as(no.toString()).isEqualTo(2);
    assertThat(no.err()).contains("About to downgrade to -1 on prod: postgresql://postgres:***@localhost:")
        .contains("  at: " + B + " (head)\n")
        .contains("  to undo: 1 migration\n")
        .contains("    " + B + "  create apartments (versions/" + B + "_create_apartments.sql)\n")
        .contains("not confirmed: nothing was changed");
    assertThat(p.versionRows()).containsExactly(B);

    assertThat(p.run("-e", "prod", "--yes", "downgrade", "base").exitCode()).isZero();
    CliRun nothing = p.run("-e", "prod", "downgrade", "base");      // nothing to undo: no question
    assertThat(nothing.exitCode()).as(nothing.toString()).isZero();
    assertThat(nothing.err()).doesNotContain("About to");
  }

  @Test
  void aNoOpUpgradeAsksNothing() {
    prod("confirm = true\n");
    assertThat(p.run("-e", "prod", "--yes", "upgrade", "head").exitCode()).isZero();

    CliRun again = p.run("-e", "prod", "upgrade", "head");     // no terminal, no --yes: fine, nothing to do

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out()).contains("Nothing to upgrade");
    assertThat(again.err()).doesNotContain("About to").doesNotContain("confirm");
  }

  @Test
  void stampBackwardsOrPurgeIsRefusedWhereDowngradesAre() {
    prod("allow_downgrade = false\n");
    assertThat(p.run("-e", "prod", "upgrade", "head").exitCode()).isZero();

    CliRun back = p.run("-e", "prod", "stamp", A);

    assertThat(back.exitCode()).as(back.toString()).isEqualTo(2);
    assertThat(back.err()).contains("env.prod.allow_downgrade: stamp " + A + " would mark " + B
        + " as not applied, a downgrade, which allow_downgrade = false forbids on prod").contains("--allow-downgrade");
    assertThat(p.versionRows()).containsExactly(B);

    CliRun purge = p.run("-e", "prod", "stamp", "head", "--purge");

    assertThat(purge.exitCode()).as(purge.toString()).isEqualTo(2);
    assertThat(purge.err()).contains("stamp --purge empties the version table");
    assertThat(p.versionRows()).containsExactly(B);

    CliRun forward = p.run("-e", "prod", "stamp", "heads");          // not backwards: allowed
    assertThat(forward.exitCode()).as(forward.toString()).isZero();

    CliRun meant = p.run("-e", "prod", "stamp", A, "--allow-downgrade");
    assertThat(meant.exitCode()).as(meant.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);
  }
}
