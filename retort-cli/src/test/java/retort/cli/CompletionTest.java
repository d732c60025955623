package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion: commands, options, revision ids, branch labels and environment names, in bash and zsh. */
class CompletionTest {

  static final String A = "1b2c3d4e5f60";
  static final String B = "4c1f0e9a2b7d";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp, "postgresql://nobody@127.0.0.1:9/none");
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"embedded\"\n\n[env.staging]\nurl = \"${STAGING_URL}\"\n\n"
        + "[env.prod]\nurl = \"${PROD_URL}\"\n");
    p.table(A, null, "users");
    p.file(B + "_invoices.sql", "-- revision: " + B + "\n-- down_revision: none\n-- branch_labels: billing\n-- message: invoices\n"
        + "-- +upgrade\nCREATE TABLE invoices (id bigint);\n-- +downgrade\nDROP TABLE invoices;\n");
  }

  private List<String> complete(String... words) {
    String[] args = new String[words.length + 4];
    args[0] = "__complete";
    args[1] = "--";
    args[2] = "-c";
    args[3] = p.toml.toString();
    System.arraycopy(words, 0, args, 4, words.length);
    CliRun r = CliRun.of(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    return r.out().lines().toList();
  }

  @Test
  void theWordsThatFitWhereTheCursorIs() {
    assertThat(complete("upgr")).containsExactly("upgrade");
    assertThat(complete("")).contains("init", "upgrade", "downgrade", "history", "dev", "completion", "help")
        .doesNotContain("__complete");
    assertThat(complete("upgrade", "")).containsExactlyInAnyOrder("head", "heads", "base", "billing", "billing@head", A, B);
    assertThat(complete("upgrade", "bil")).containsExactly("billing", "billing@head");
    assertThat(complete("downgrade", "4c")).containsExactly(B);
    assertThat(complete("-e", "")).containsExactly("dev", "staging", "prod");
    assertThat(complete("-e", "st")).containsExactly("staging");
    assertThat(complete("upgrade", "--re")).containsExactly("--resume");
    assertThat(complete("history", "--format", "")).containsExactly("text", "json");
    assertThat(complete("revision", "-m", "")).isEmpty();
    assertThat(complete("revision", "--head", "b")).containsExactly("base", "billing", "billing@head");
    assertThat(complete("dev", "")).containsExactly("start", "stop", "status", "psql");
    assertThat(complete("completion", "")).containsExactly("bash", "zsh");
    assertThat(complete("-c", "")).containsExactly(":files");
  }

  @Test
  void aConfigThatCannotBeReadMeansNoIdsButNoError() {
    p.writeToml("this is not toml");
    assertThat(complete("upgrade", "")).containsExactly("head", "heads", "base");
    assertThat(complete("-e", "")).isEmpty();
  }

  @Test
  void completionRejectsAnotherShell() {
    CliRun r = CliRun.of("completion", "fish");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("no completion for 'fish'");
  }

  /** A `retort` on disk that runs this build, as the shell scripts call it. */
  private Path launcher() throws IOException {
    Path launcher = tmp.resolve("bin/retort");
    Files.createDirectories(launcher.getParent());
    Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '" + System.getProperty("java.class.path") + "' retort.cli.Main \"$@\"\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(tmp.resolve("retort.bash"), CliRun.of("completion", "bash").out());
    Files.writeString(tmp.resolve("retort.zsh"), CliRun.of("completion", "zsh").out());
    return launcher;
  }

  private static String shell(Path dir, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void bashCompletesRevisionsLabelsAndEnvironments() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "bash is not installed");
    Path retort = launcher();
    String script = "source retort.bash\n"
        + "try() { COMP_LINE=\"$1\"; COMP_POINT=${#COMP_LINE}; COMP_WORDBREAKS=$' \\t\\n\"\\'@><=;|&(:'; _retort;"
        + " printf '%s,' \"${COMPREPLY[@]}\"; echo; }\n"
        + "try '" + retort + " -c " + p.toml + " upgrade bil'\n"
        + "try '" + retort + " -c " + p.toml + " upgrade billing@h'\n"
        + "try '" + retort + " -c " + p.toml + " -e pr'\n"
        + "try '" + retort + " -c " + p.toml + " stamp 1b'\n";

    String out = shell(tmp, "/bin/bash", "-c", script);

    assertThat(out.lines().toList()).containsExactly("billing,billing@head,", "head,", "prod,", A + ",");
  }

  @Test
  void zshCompletesRevisionsLabelsAndEnvironments() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
        "zsh is not installed (.ci/run installs it)");
    Path retort = launcher();
    // compadd and compdef are zsh's completion system's; here they print what they are given
    String script = "compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -r -- \"${(j:,:)@}\"; }\n"
        + "compdef() { :; }\n"
        + "source ./retort.zsh\n"
        + "words=(" + retort + " -c " + p.toml + " upgrade bil); CURRENT=5; _retort\n"
        + "words=(" + retort + " -c " + p.toml + " -e ''); CURRENT=5; _retort\n";

    String out = shell(tmp, "zsh", "-f", "-c", script);

    assertThat(out.lines().toList()).containsExactly("billing,billing@head", "dev,staging,prod");
  }
}
