package retort.cli.fault;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PgBouncer in front of the embedded test server, started by the test in a directory of
 * its own (trust authentication, loopback only, a free port). Skips the test when pgbouncer is not
 * installed; runs it as {@code postgres} when the tests run as root (PgBouncer refuses root).
 */
final class Bouncer implements AutoCloseable {

  static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

  final int port;
  private final Process process;

  private Bouncer(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts PgBouncer in {@code mode} (transaction, session) in front of the server at {@code serverPort}. */
  static Bouncer start(Path dir, String mode, int serverPort) throws Exception {
    assumeTrue(Files.isExecutable(BINARY), "pgbouncer is not installed (" + BINARY + "); .ci/run installs it");
    boolean root = "root".equals(System.getProperty("user.name"));
    Files.createDirectories(dir);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path ini = dir.resolve("pgbouncer.ini");
    Files.writeString(dir.resolve("users.txt"), "\"postgres\" \"\"\n");
    Files.writeString(ini, "[databases]\n* = host=127.0.0.1 port=" + serverPort + "\n\n[pgbouncer]\n"
        + "listen_addr = 127.0.0.1\nlisten_port = " + port + "\nunix_socket_dir =\n"
        + "auth_type = trust\nauth_file = " + dir.resolve("users.txt") + "\n"
        + "pool_mode = " + mode + "\ndefault_pool_size = 4\nmax_client_conn = 100\n"
        + "ignore_startup_parameters = extra_float_digits,options\n"
        + "logfile = " + dir.resolve("pgbouncer.log") + "\n");
    List<String> command = new ArrayList<>();
    if (root) {
      for (Path p = dir; p != null && !p.toString().equals("/tmp") && p.getParent() != null; p = p.getParent()) {
        p.toFile().setExecutable(true, false);
      }
      for (File f : dir.toFile().listFiles()) {
        f.setReadable(true, false);
      }
      dir.toFile().setWritable(true, false);
      command.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    command.addAll(List.of(BINARY.toString(), ini.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("pgbouncer.out").toFile()).start();
    Bouncer b = new Bouncer(port, process);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return b;
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
    }
    b.close();
    throw new IllegalStateException("pgbouncer did not start: " + Files.readString(dir.resolve("pgbouncer.out")));
  }

  /** A JDBC URL of this database through PgBouncer. */
  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
