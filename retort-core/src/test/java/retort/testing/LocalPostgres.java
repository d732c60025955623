package retort.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own, from Debian's PostgreSQL 15 binaries (installed by
 * {@code .ci/run}): for faults the shared embedded server must not suffer (a restart), and for what
 * must work on another major version than the embedded 17. Runs as the current user, or as
 * {@code postgres} when the tests run as root (PostgreSQL refuses root). Skips the test when the
 * binaries are absent.
 */
public final class LocalPostgres implements AutoCloseable {

  public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");

  public final Path data;
  public final int port;
  private final boolean asPostgres;

  private LocalPostgres(Path data, int port, boolean asPostgres) {
    this.data = data;
    this.port = port;
    this.asPostgres = asPostgres;
  }

  /** Creates a cluster under {@code dir} (trust authentication, loopback only) and starts it. */
  public static LocalPostgres start(Path dir) throws Exception {
    assumeTrue(Files.isExecutable(BIN.resolve("initdb")),
        "Debian's postgresql-15 is not installed (" + BIN + "); .ci/run installs it");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      assumeTrue(run(false, "id", "postgres") == 0, "running as root, and there is no user postgres to run the server as");
    }
    Path data = dir.resolve("pgdata");
    if (root) {
      dir.toFile().setExecutable(true, false);
      for (Path p = dir; p != null && !p.toString().equals("/tmp"); p = p.getParent()) {
        p.toFile().setExecutable(true, false);
      }
      Files.createDirectories(data);
      run(false, "chown", "postgres", data.toString());
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    LocalPostgres server = new LocalPostgres(data, port, root);
    check(run(root, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
        "--no-sync", "-E", "UTF8"), "initdb");
    check(server.ctl("start", "-w", "-t", "60", "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off",
        "-l", data.resolve("server.log").toString()), "pg_ctl start");
    return server;
  }

  /** A JDBC URL of a database on this server. */
  public String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  /** Restarts the server the way an operator would: fast shutdown (open sessions terminated), then start. */
  public void restart() {
    check(ctl("restart", "-m", "fast", "-w", "-t", "60"), "pg_ctl restart");
  }

  @Override
  public void close() {
    ctl("stop", "-m", "immediate", "-w", "-t", "30");
  }

  private int ctl(String... args) {
    List<String> command = new ArrayList<>(List.of(BIN.resolve("pg_ctl").toString(), "-D", data.toString()));
    command.addAll(List.of(args));
    return run(asPostgres, command.toArray(new String[0]));
  }

  private static void check(int code, String what) {
    if (code != 0) {
      throw new IllegalStateException(what + " exited " + code);
    }
  }

  private static int run(boolean asPostgres, String... command) {
    List<String> full = new ArrayList<>();
    if (asPostgres) {
      full.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    full.addAll(List.of(command));
    try {
      Process p = new ProcessBuilder(full).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("/dev/null"))).start();
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
