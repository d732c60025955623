package retort.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import retort.RetortException;

/**
 * {@code retort dev start|stop|status|psql}: the project's embedded PostgreSQL kept running in the
 * background on a fixed port ({@code dev_port}, default 54329), for psql, an IDE and faster
 * commands: while it runs, every command of the project uses it instead of starting its own.
 */
final class DevCommand implements Runnable {

  private static final List<String> ACTIONS = List.of("start", "stop", "status", "psql");

  private final RetortCommand parent;
  final CommandSpec spec;

  DevCommand(RetortCommand parent) {
    this.parent = parent;
    this.spec = Args.command(this, "dev", "Run the embedded PostgreSQL in the background: start, stop, status, psql.");
    spec.addPositional(Args.positional("ACTION", "start, stop, status, or psql (opens psql on it, starting it if need be).")
        .build());
    spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").type(List.class)
        .auxiliaryTypes(String.class).paramLabel("PSQL_ARG").description("After psql --: arguments for psql.").build());
    Args.examples(spec,
        "retort dev start", "start it on dev_port (default 54329) and print its URL",
        "retort dev psql -- -c 'select version()'", "run psql on it",
        "retort dev stop", "stop it; commands start a server of their own again");
  }

  @Override
  public void run() {
    String action = Args.positional(spec);
    if (!ACTIONS.contains(action)) {
      String near = Suggest.closest(action, ACTIONS);
      throw new RetortException(RetortException.Kind.USAGE, null, "unknown action '" + action + "'",
          (near == null ? "" : "did you mean `retort dev " + near + "`? ") + "the actions are start, stop, status and psql");
    }
    List<String> psqlArgs = Args.values(spec.positionalParameters().get(1).getValue());
    if (!psqlArgs.isEmpty() && !action.equals("psql")) {
      throw new RetortException(RetortException.Kind.USAGE, null, "`retort dev " + action + "` takes no arguments",
          "leave out " + String.join(" ", psqlArgs));
    }
    ConfigFile config = parent.configFile();
    Path stateDir = config.file().toAbsolutePath().getParent().resolve(".retort");
    PgData pg = PgData.of(stateDir, parent.environment());
    Console console = parent.console;
    switch (action) {
      case "start" -> {
        Optional<PgData.Postmaster> running = pg.devServer();
        PgData.Postmaster server = running.orElseGet(() -> start(pg, config.devPort()));
        console.out().println(server.url());
        console.info((running.isPresent() ? "The dev database was already running" : "Started the dev database")
            + " on port " + server.port() + ", data in " + pg.data() + "; `retort dev psql` opens psql on it,"
            + " `retort dev stop` stops it. While it runs, commands use it.");
      }
      case "stop" -> {
        if (pg.devServer().isEmpty()) {
          console.info("The dev database is not running");
          return;
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(stateDir, java.time.Duration.ofSeconds(60), console)) {
          pg.stop();
        }
        console.info("Stopped the dev database");
      }
      case "status" -> {
        Optional<PgData.Postmaster> running = pg.devServer();
        if (running.isEmpty()) {
          throw new RetortException(RetortException.Kind.ERROR, null, "the dev database is not running",
              "start it with `retort dev start`; until then each command starts a server of its own");
        }
        console.out().println(running.get().url());
        console.info("The dev database runs on port " + running.get().port() + " (pid " + running.get().pid() + ", since "
            + running.get().since() + "), data in " + pg.data());
      }
      default -> psql(pg.devServer().orElseGet(() -> start(pg, config.devPort())), psqlArgs);
    }
  }

  private PgData.Postmaster start(PgData pg, int port) {
    try (DataDirectoryLock lock = DataDirectoryLock.acquire(pg.stateDir(), java.time.Duration.ofSeconds(60), parent.console)) {
      Optional<PgData.Postmaster> running = pg.running();
      if (running.isPresent()) {
        pg.stop();                               // left by a command that was killed before it could stop it
      }
      if (!PgData.free(port)) {
        throw new RetortException(RetortException.Kind.ERROR, parent.configFile().file() + ": dev_port",
            "port " + port + " is in use (by another program, or another project's dev database)",
            "set dev_port = " + (port + 1) + " (or another free port) in retort.toml");
      }
      pg.initIfNeeded();
      return pg.start(port, true);
    }
  }

  private void psql(PgData.Postmaster server, List<String> args) {
    Path psql = onPath("psql", parent.environment());
    if (psql == null) {
      parent.console.out().println(server.url());
      throw new RetortException(RetortException.Kind.ERROR, null, "psql is not installed (not on PATH); the dev database is at "
          + server.url(), "install psql (Debian: apt-get install postgresql-client; macOS: brew install libpq),"
              + " or connect any PostgreSQL client to that URL");
    }
    List<String> command = new ArrayList<>(List.of(psql.toString(), server.url().toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    boolean terminal = parent.console.out() == System.out && parent.console.err() == System.err;
    try {
      Path out = terminal ? null : Files.createTempFile("retort-psql", ".out");
      Path err = terminal ? null : Files.createTempFile("retort-psql", ".err");
      if (terminal) {
        pb.inheritIO();
      } else {
        pb.redirectInput(new File("/dev/null")).redirectOutput(out.toFile()).redirectError(err.toFile());
      }
      int code = pb.start().waitFor();
      if (!terminal) {
        parent.console.out().print(Files.readString(out));
        parent.console.err().print(Files.readString(err));
        Files.delete(out);
        Files.delete(err);
      }
      if (code != 0) {
        throw new RetortException(RetortException.Kind.ERROR, null, "psql exited with code " + code,
            "see psql's message above");
      }
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, psql.toString(), "cannot run psql: " + e.getMessage(),
          "connect any PostgreSQL client to " + server.url());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The executable {@code name} in a directory of PATH, or null. */
  static Path onPath(String name, Map<String, String> env) {
    String path = env.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
