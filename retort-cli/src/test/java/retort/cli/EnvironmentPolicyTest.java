package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policies retort.toml sets per environment (DESIGN.md, "Environments"). */
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
}
