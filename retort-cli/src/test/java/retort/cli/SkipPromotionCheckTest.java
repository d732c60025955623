package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `upgrade --skip-promotion-check REASON`: prod's deployer cannot reach staging; the reason stays in retort_log. */
class SkipPromotionCheckTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    p.writeToml("script_location = \"migrations\"\n\n[env.staging]\nurl = \"postgresql://deployer@127.0.0.1:9/staging\"\n\n"
        + "[env.prod]\nurl = \"" + p.url + "\"\npromote_from = \"staging\"\n");
  }

  @Test
  void theCheckIsKeptUnlessSkippedWithAReasonThatIsLogged() {
    CliRun refused = p.run("-e", "prod", "upgrade", "head");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.error()).contains("env.prod.promote_from: cannot check staging");
    assertThat(p.versionTableExists()).isFalse();

    CliRun skipped = p.run("-e", "prod", "upgrade", "head", "--skip-promotion-check", "hotfix 42: staging is down");

    assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
    assertThat(skipped.err()).contains("warning: promotion check from staging skipped: hotfix 42: staging is down"
        + " (written to retort_log)");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.query("SELECT revision || ': ' || note FROM public.retort_log ORDER BY id")).containsExactly(
        A + ": promotion check from staging skipped: hotfix 42: staging is down",
        B + ": promotion check from staging skipped: hotfix 42: staging is down");
    CliRun log = p.run("-e", "prod", "log");
    assertThat(log.out()).contains(B + "  upgrade    applied").contains("note: promotion check from staging skipped: hotfix 42");
  }

  @Test
  void withoutPromoteFromOrWithoutAReasonItIsRefused() {
    CliRun none = p.run("-e", "staging", "--url", p.url, "upgrade", "head", "--skip-promotion-check", "why not");
    assertThat(none.exitCode()).as(none.toString()).isEqualTo(2);
    assertThat(none.error()).isEqualTo("error: --skip-promotion-check: staging has no promote_from, so there is no"
        + " promotion check to skip");

    CliRun empty = p.run("-e", "prod", "upgrade", "head", "--skip-promotion-check", " ");
    assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(2);
    assertThat(empty.error()).isEqualTo("error: --skip-promotion-check: the reason is empty");
    assertThat(p.versionTableExists()).isFalse();
  }
}
