package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code url = "embedded"}: Retort starts its own PostgreSQL, with data kept beside the config. Slow. */
class EmbeddedTest {

  @TempDir Path tmp;

  @Test
  void upgradeAndCurrentAgainstTheEmbeddedServer() {
    Project.write(tmp.resolve("retort.toml"), "script_location = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n");
    Project.write(tmp.resolve("migrations/versions/aaaaaaaaaaa1_create_users.sql"), """
        -- revision: aaaaaaaaaaa1
        -- down_revision: none
        -- message: create users
        -- +upgrade
        CREATE TABLE users (id bigint PRIMARY KEY);
        -- +downgrade
        DROP TABLE users;
        """);
    String toml = tmp.resolve("retort.toml").toString();

    CliRun up = CliRun.of("-c", toml, "upgrade", "head");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("Upgraded 1 revision").contains("aaaaaaaaaaa1");
    assertThat(tmp.resolve(".retort")).isDirectory();

    // a second command, a second start of the same server: the state persisted
    CliRun current = CliRun.of("-c", toml, "current");

    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out().strip()).startsWith("aaaaaaaaaaa1 (head)");
  }
}
