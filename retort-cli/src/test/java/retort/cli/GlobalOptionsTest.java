package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

class GlobalOptionsTest {

  static final String A = "aaaaaaaaaaa1";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
  }

  @Test
  void configAfterTheCommandWorksTheSame() {
    CliRun up = CliRun.of("upgrade", "head", "-c", p.toml.toString());
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);

    CliRun after = CliRun.of("current", "-c", p.toml.toString());
    CliRun before = CliRun.of("-c", p.toml.toString(), "current");

    assertThat(after.exitCode()).as(after.toString()).isZero();
    assertThat(after.out()).isEqualTo(before.out()).contains(A + " (head)");
  }

  @Test
  void envAndUrlAfterTheCommand() {
    String other = TestPostgres.newDatabase();
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n\n[env.staging]\nurl = \""
        + other + "\"\n");

    CliRun r = CliRun.of("upgrade", "head", "-c", p.toml.toString(), "-e", "staging");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionTableExists()).isFalse();
    Project staging = Project.create(tmp.resolve("staging-view"), other);
    assertThat(staging.versionRows()).containsExactly(A);
    assertThat(staging.query("SELECT environment FROM public.retort_log")).containsExactly("staging");

    String third = TestPostgres.newDatabase();
    CliRun viaUrl = CliRun.of("upgrade", "head", "--url", third, "-c", p.toml.toString());
    assertThat(viaUrl.exitCode()).as(viaUrl.toString()).isZero();
    assertThat(Project.create(tmp.resolve("third-view"), third).versionRows()).containsExactly(A);
    assertThat(p.versionTableExists()).isFalse();
  }

  @Test
  void urlBeforeTheCommandOverridesTheConfig() {
    String other = TestPostgres.newDatabase();

    CliRun r = CliRun.of("-c", p.toml.toString(), "--url", other, "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionTableExists()).isFalse();
    assertThat(Project.create(tmp.resolve("other-view"), other).versionRows()).containsExactly(A);
  }

  @Test
  void relativeScriptLocationIsRelativeToTheConfigFile() {
    // the test JVM's working directory is not tmp, so this only passes if the path is resolved from the file
    CliRun r = CliRun.of("-c", p.toml.toString(), "heads");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().strip()).isEqualTo(A + " (head)");
  }
}
