package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** retort.toml is read and checked as a whole by every command, and its errors name the file, the line and the fix. */
class ConfigCheckTest {

  static final String SECRET = "s3cr3t-pw";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp, "postgresql://nobody@127.0.0.1:9/none");
    p.table("aaaaaaaaaaa1", null, "users");
  }



  @Test
  void aSyntaxErrorOnTheUrlLineNamesTheLineButNeverThePassword() {
    String[] broken = {
        "url = \"postgresql://app:" + SECRET + "@db:5432/app\n",           // string not closed
        "url = postgresql://app:" + SECRET + "@db:5432/app\n",             // not quoted
        "url = \"postgresql://app:" + SECRET + "@db:5432/app\" trailing\n",
        "url = 'postgresql://app:" + SECRET + "@db:5432/app\n",
        "url = \"postgresql://app:" + SECRET + "\\q@db:5432/app\"\n",      // a bad escape
    };
    for (String line : broken) {
      p.writeToml("script_location = \"migrations\"\n\n[env.dev]\n" + line);

      CliRun r = p.run("heads");

      assertThat(r.exitCode()).as(line + r).isEqualTo(2);
      assertThat(r.all()).as(line + r).doesNotContain(SECRET).doesNotContain("Exception");
      assertThat(r.error()).as(line + r).contains(p.toml + ":4: not valid TOML: ");
      assertThat(r.hint()).as(line + r).isNotEmpty();
    }
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://app:" + SECRET + "@db:5432/app\n");
    assertThat(p.run("heads").error()).endsWith("not valid TOML: a quoted string is not closed on its line (a missing quote)");
  }

  @Test
  void anUnknownSettingNamesItsLineAndTheClosestSetting() {
    p.writeToml("script_locaton = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n");

    CliRun top = p.run("heads");

    assertThat(top.exitCode()).as(top.toString()).isEqualTo(2);
    assertThat(top.error()).isEqualTo("error: " + p.toml + ":1: script_locaton: unknown setting");
    assertThat(top.hint()).startsWith("hint: did you mean `script_location`?");

    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n# the run lock\nlock_wiat = \"2min\"\n");

    CliRun env = p.run("heads");

    assertThat(env.error()).isEqualTo("error: " + p.toml + ":6: env.dev.lock_wiat: unknown setting");
    assertThat(env.hint()).startsWith("hint: did you mean `lock_wait`?");
  }

  @Test
  void aPromotionFromAnEnvironmentThatDoesNotExistFailsEveryCommand() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n\n[env.staging]\nurl = \"${STAGING_URL}\"\n\n"
        + "[env.prod]\nurl = \"${PROD_URL}\"\npromote_from = \"stagin\"\n");

    for (String command : new String[] {"heads", "history", "revision -m x", "current"}) {
      CliRun r = p.run(command.split(" "));

      assertThat(r.exitCode()).as(command + r).isEqualTo(2);
      assertThat(r.error()).as(command + r).isEqualTo("error: " + p.toml + ":11: env.prod.promote_from: 'stagin' is not an environment of this file");
      assertThat(r.hint()).as(command + r).startsWith("hint: did you mean `staging`?");
    }
    assertThat(p.versionFiles()).hasSize(1);
  }

  @Test
  void aBadValueInAnotherEnvironmentFailsAtOnceButItsMissingVariablesDoNot() {
    String ok = "script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n\n[env.prod]\n"
        + "url = \"${PROD_URL}\"\nlock_timeout = \"${PROD_LOCK_TIMEOUT}\"\nconfirm = true\n";
    p.writeToml(ok);
    assertThat(p.run("heads").exitCode()).isZero();

    p.writeToml(ok + "lock_retries = \"many\"\n");
    CliRun bad = p.run("heads");

    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.error()).isEqualTo("error: " + p.toml + ":10: env.prod.lock_retries: must be a whole number");

    p.writeToml(ok.replace("confirm = true", "confirm = \"yes\""));
    assertThat(p.run("heads").error()).isEqualTo("error: " + p.toml + ":9: env.prod.confirm: must be true or false");

    // the variable is expanded, and checked, where the environment is used
    p.writeToml(ok);
    CliRun prod = CliRun.with(Map.of("PROD_URL", p.url, "PROD_LOCK_TIMEOUT", "soon"), "-c", p.toml.toString(), "-e", "prod", "heads");
    assertThat(prod.error()).isEqualTo("error: " + p.toml + ":8: env.prod.lock_timeout: 'soon' is not a duration");
  }

  @Test
  void anUnknownEnvironmentSuggestsTheClosest() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n\n[env.staging]\nurl = \"embedded\"\n");

    CliRun r = p.run("-e", "stagin", "heads");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.error()).contains("env.stagin: no such environment");
    assertThat(r.hint()).startsWith("hint: did you mean `staging`? choose one of dev, staging");
  }

  @Test
  void devPortMustBeAPort() {
    p.writeToml("script_location = \"migrations\"\ndev_port = 99999\n\n[env.dev]\nurl = \"embedded\"\n");

    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.error()).isEqualTo("error: " + p.toml + ":2: dev_port: must be a port number, 1 to 65535");
  }
}
