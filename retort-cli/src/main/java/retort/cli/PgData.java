package retort.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import retort.DatabaseUrl;
import retort.RetortException;

/**
 * A project's embedded PostgreSQL: its data in {@code .retort/pgdata} (the dev database) or
 * {@code .retort/scratch} (autogenerate's scratch server), its log beside it, and the binaries
 * shared by every project (see EmbeddedBinaries). A server that {@code retort dev start} left
 * running is marked by {@code .retort/dev-server}.
 */
record PgData(Path stateDir, Path binaries, String name) {

  /** A server running on the data directory, as its postmaster.pid describes it. */
  record Postmaster(long pid, int port, Instant since) {
    DatabaseUrl url() {
      return PgData.url(port);
    }
  }

  /** The dev database's data directory, {@code .retort/pgdata}. */
  static PgData of(Path stateDir, Map<String, String> env) {
    return of(stateDir, env, "pgdata");
  }

  /** The data directory {@code .retort/NAME}, with the binaries unpacked if need be. */
  static PgData of(Path stateDir, Map<String, String> env, String name) {
    Path binaries = EmbeddedBinaries.ensure(env);
    StateDirectory.prepare(stateDir);
    EmbeddedBinaries.deleteTree(stateDir.resolve("bin"));       // the binaries' copy of earlier versions, per project
    return new PgData(stateDir, binaries, name);
  }

  /** How to reach a server of this data directory: database and user postgres, no password, local only. */
  static DatabaseUrl url(int port) {
    return DatabaseUrl.parse("postgresql://postgres@localhost:" + port + "/postgres");
  }

  Path data() {
    return stateDir.resolve(name);
  }

  Path log() {
    return stateDir.resolve(name.equals("pgdata") ? "postgres.log" : name + ".log");
  }

  private Path devMarker() {
    return stateDir.resolve("dev-server");
  }

  /** The server running on the data directory and accepting connections, if any. */
  Optional<Postmaster> running() {
    try {
      List<String> lines = Files.readAllLines(data().resolve("postmaster.pid"));
      if (lines.size() < 8 || !lines.get(7).strip().equals("ready")) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).strip());
      int port = Integer.parseInt(lines.get(3).strip());
      Instant since = Instant.ofEpochSecond(Long.parseLong(lines.get(2).strip()));
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive && accepts(port) ? Optional.of(new Postmaster(pid, port, since)) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The server that {@code retort dev start} left running, if it still runs. */
  Optional<Postmaster> devServer() {
    if (!Files.exists(devMarker())) {
      return Optional.empty();
    }
    return running();
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Whether nothing listens on the port of this machine. */
  static boolean free(int port) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress("localhost", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A port no one listens on now. */
  static int anyFreePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, null, "no free port for the embedded PostgreSQL: " + e.getMessage(),
          "free a local port, or point the environment at a PostgreSQL server with url = \"postgresql://...\"");
    }
  }

  /** Creates the cluster on first use: user postgres, trusted local connections, UTF-8. */
  void initIfNeeded() {
    if (Files.exists(data().resolve("PG_VERSION"))) {
      return;
    }
    EmbeddedBinaries.deleteTree(data());                         // a cluster whose creation was cut short
    PostgresTool.Result r = PostgresTool.run(binaries, stateDir.resolve(name + ".initdb.out"), 300, "initdb",
        "-A", "trust", "-U", "postgres", "-D", data().toString(), "-E", "UTF-8", "--no-sync");
    if (!r.ok()) {
      throw failure("cannot create the embedded PostgreSQL's data directory", r.output());
    }
  }

  /** Starts a server on the port; it runs until {@link #stop}, whatever becomes of this process. */
  Postmaster start(int port, boolean dev) {
    return start(port, dev, "");
  }

  /** As {@link #start(int, boolean)}, with more server settings ({@code -c name=value ...}). */
  Postmaster start(int port, boolean dev, String settings) {
    try {
      if (dev) {
        Files.writeString(devMarker(), port + "\n");
      } else {
        Files.deleteIfExists(devMarker());
      }
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, stateDir.toString(), "cannot write: " + e.getMessage(),
          "check that " + stateDir + " is writable");
    }
    PostgresTool.Result r = PostgresTool.run(binaries, stateDir.resolve(name + ".pg_ctl.out"), 120, "pg_ctl",
        "-D", data().toString(), "-l", log().toString(), "-w", "-t", "60",
        "-o", "-p " + port + " -c listen_addresses=localhost -k '' -F -c timezone=UTC -c synchronous_commit=off"
            + " -c max_connections=300" + settings, "start");
    Optional<Postmaster> started = running();
    if (!r.ok() || started.isEmpty()) {
      if (dev) {
        clearDevMarker();
      }
      throw failure("cannot start the embedded PostgreSQL", r.output() + "\n" + tail(log()));
    }
    return started.get();
  }

  /** Stops the server (fast: open sessions are ended, transactions rolled back). */
  void stop() {
    PostgresTool.Result r = PostgresTool.run(binaries, stateDir.resolve(name + ".pg_ctl.out"), 120, "pg_ctl",
        "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop");
    clearDevMarker();
    if (!r.ok() && running().isPresent()) {
      throw failure("cannot stop the embedded PostgreSQL", r.output());
    }
  }

  private void clearDevMarker() {
    try {
      Files.deleteIfExists(devMarker());
    } catch (IOException ignored) {
      // running() decides; a marker without a server means nothing
    }
  }

  private RetortException failure(String what, String output) {
    List<String> lines = output.strip().lines().filter(l -> !l.isBlank()).toList();
    String last = lines.stream().filter(l -> l.contains("FATAL:") || l.contains("ERROR:") || l.contains("could not"))
        .reduce((a, b) -> b).orElse(lines.isEmpty() ? "" : lines.get(lines.size() - 1));
    return new RetortException(RetortException.Kind.ERROR, data().toString(), what + (last.isEmpty() ? "" : ": " + last),
        "see " + log() + "; if the data directory is damaged, `rm -rf " + data() + "` starts afresh (its data is lost)");
  }

  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }
}
