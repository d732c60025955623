package retort.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import retort.Config;
import retort.ConnectionFactory;
import retort.DatabaseUrl;
import retort.Retort;
import retort.RetortException;

/**
 * What one command works with: the config, the environment, and a Retort whose connections go to
 * the environment's database. An embedded database is started on the first connection only, so
 * commands that never touch the database never start it.
 */
final class Session implements AutoCloseable {

  private final Config config;
  private final Path stateDir;
  private final Retort retort;
  private EmbeddedServer embedded;
  private ScratchCluster scratch;
  private ConnectionFactory connections;
  private boolean closed;

  private final ConfigFile configFile;
  private final Console console;
  private final Map<String, String> env;

  private Session(ConfigFile configFile, Config config, Path stateDir, Console console, Map<String, String> env) {
    this.configFile = configFile;
    this.console = console;
    this.env = env;
    this.config = config;
    this.stateDir = stateDir;
    DatabaseUrl url = config.environment().url();
    String target = url.isEmbedded() ? "the embedded PostgreSQL in " + stateDir : url.toString();
    this.retort = Retort.create(config, this::open, target, new ConsoleProgress(console));
  }

  static Session open(GlobalOptions options, Console console, Map<String, String> env) {
    ConfigFile configFile = configFile(options, console, env);
    String name = options.env() != null ? options.env() : env.getOrDefault("RETORT_ENV", "dev");
    return on(configFile, name, options.url(), console, env);
  }

  /** The config file the options name (default ./retort.toml), read and checked. */
  static ConfigFile configFile(GlobalOptions options, Console console, Map<String, String> env) {
    console.debug(options.debug());
    Path file = options.config() != null ? options.config() : Path.of(ConfigFile.NAME);
    if (options.config() == null && !Files.exists(file)) {
      throw new RetortException(RetortException.Kind.USAGE, null, "no " + ConfigFile.NAME + " in "
          + Path.of("").toAbsolutePath(), "run retort in the directory that has it, pass -c FILE, or create one with `retort init DIR`");
    }
    return ConfigFile.load(file, env);
  }

  /** A session on one environment of the config file, with {@code url} (when not null) in place of its URL. */
  static Session on(ConfigFile configFile, String environment, String url, Console console, Map<String, String> env) {
    Path stateDir = configFile.file().toAbsolutePath().getParent().resolve(".retort");
    return new Session(configFile, withCache(configFile.config(environment, url), stateDir, env), stateDir, console, env);
  }

  /** A session on another environment of the same config file, e.g. the one changes are promoted from. */
  Session other(String environment) {
    return on(configFile, environment, null, console, env);
  }

  /**
   * Parsed migration files are kept in {@code .retort/cache/} beside retort.toml (git-ignored), unless
   * RETORT_CACHE=off; a directory that cannot be written means no cache.
   */
  private static Config withCache(Config config, Path stateDir, Map<String, String> env) {
    if ("off".equalsIgnoreCase(env.getOrDefault("RETORT_CACHE", "on")) || !StateDirectory.prepare(stateDir)) {
      return config;
    }
    return config.withCacheFile(stateDir.resolve("cache").resolve("scripts.bin"));
  }

  /** Where this session's database is, for people: the URL with its password masked. */
  String target() {
    DatabaseUrl url = config.environment().url();
    return url.isEmbedded() ? url + " (" + stateDir + ")" : url.toString();
  }

  Retort retort() {
    return retort;
  }

  Config config() {
    return config;
  }

  private Connection open() throws SQLException {
    return connections().open();
  }

  /**
   * The source, made on first use; synchronized because connections may first be asked for on a
   * thread of their own (see EarlyConnections), and closing must not miss an embedded server that
   * is still starting.
   */
  private synchronized ConnectionFactory connections() {
    if (closed) {
      throw new RetortException(RetortException.Kind.ERROR, null, "the command has finished", "run it again");
    }
    if (connections == null) {
      connections = source();
    }
    return connections;
  }

  private ConnectionFactory source() {
    DatabaseUrl url = config.environment().url();
    if (url.isEmbedded()) {
      embedded = EmbeddedServer.start(stateDir, env, config.environment().lockWait(), console);
      DatabaseUrl started = embedded.url();
      return () -> started.connect("retort");
    }
    return new ConnectionErrors(url.withDefaultPassword(env.get("PGPASSWORD")));
  }

  /** The folder of the declared schema ({@code schema_location}). */
  Path schemaLocation() {
    return configFile.schemaLocation();
  }

  /** Connections to this session's database, for reading it (as {@code diff --from env:NAME} does). */
  ConnectionFactory database() {
    return this::open;
  }

  /** The scratch server of autogenerate and diff: {@code scratch_url}, or an embedded one started on first use. */
  synchronized ScratchCluster scratch() {
    if (scratch == null) {
      scratch = ScratchCluster.of(configFile.scratchUrl(), stateDir, env, console);
    }
    return scratch;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (embedded != null) {
      embedded.close();
    }
    if (scratch != null) {
      scratch.close();
    }
  }
}
