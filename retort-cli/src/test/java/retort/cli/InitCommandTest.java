package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitCommandTest {

  @TempDir Path tmp;

  @Test
  void initCreatesTheEnvironment() {
    Path dir = tmp.resolve("easysochi");

    CliRun r = CliRun.of("init", dir.toString());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(dir.resolve("retort.toml")).isRegularFile();
    assertThat(dir.resolve("migrations/versions")).isDirectory();
    assertThat(dir.resolve("migrations/script.sql.tmpl")).isRegularFile();
    assertThat(r.out()).contains(dir.resolve("retort.toml").toString());
    assertThat(Project.read(dir.resolve("retort.toml"))).contains("script_location = \"migrations\"");
    assertThat(Project.read(dir.resolve("migrations/script.sql.tmpl"))).contains("${revision}");
  }

  @Test
  void initTwiceFailsAndLeavesTheFirstAlone() throws Exception {
    Path dir = tmp.resolve("env");
    assertThat(CliRun.of("init", dir.toString()).exitCode()).isZero();
    Files.writeString(dir.resolve("retort.toml"), "# mine\n", java.nio.file.StandardOpenOption.APPEND);
    String toml = Project.read(dir.resolve("retort.toml"));

    CliRun again = CliRun.of("init", dir.toString());

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
    assertThat(again.err()).contains("already exists");
    assertThat(Project.read(dir.resolve("retort.toml"))).isEqualTo(toml);
  }

  @Test
  void revisionWorksInAFreshlyInitialisedEnvironmentWithoutADatabase() throws Exception {
    Path dir = tmp.resolve("env");
    assertThat(CliRun.of("init", dir.toString()).exitCode()).isZero();

    CliRun r = CliRun.of("-c", dir.resolve("retort.toml").toString(), "revision", "-m", "first");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    try (var files = Files.list(dir.resolve("migrations/versions"))) {
      assertThat(files.map(f -> f.getFileName().toString()).toList())
          .singleElement().asString().matches("[0-9a-f]{12}_first\\.sql");
    }
    // nothing connected: no embedded server was started (.retort holds only the git-ignored cache)
    assertThat(dir.resolve(".retort/pgdata")).doesNotExist();
    assertThat(Project.read(dir.resolve(".retort/.gitignore"))).isEqualTo("*\n");
  }

  @Test
  void noCommandPrintsUsage() {
    CliRun r = CliRun.of();

    assertThat(r.err()).contains("Usage").contains("upgrade").contains("downgrade");
  }

  @Test
  void versionPrintsTheVersionAndExitsZero() {
    for (String flag : new String[] {"--version", "-V"}) {
      CliRun r = CliRun.of(flag);

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).as(flag).startsWith("retort ").doesNotContain("Usage");
    }
  }
}
