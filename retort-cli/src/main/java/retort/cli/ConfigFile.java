package retort.cli;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import retort.Config;
import retort.DatabaseUrl;
import retort.Environment;
import retort.RetortException;

/**
 * {@code retort.toml}: where the scripts are, the version table, and the environments. Relative
 * paths are relative to the file's directory; {@code ${VAR}} is expanded only in the settings of the
 * environment in use, so a missing production variable does not stop work on dev.
 */
final class ConfigFile {

  static final String NAME = "retort.toml";
  static final int DEFAULT_DEV_PORT = 54329;
  private static final Set<String> TOP_KEYS = Set.of("script_location", "version_table", "version_table_schema", "env",
      "dev_port", "schema_location", "scratch_url");
  private static final Set<String> ENV_KEYS = Set.of("url", "lock_timeout", "statement_timeout", "confirm",
      "allow_downgrade", "promote_from", "version_table", "version_table_schema", "lock_wait", "lock_retries");

  private final Path file;
  private final Map<String, Object> top;
  private final Map<String, Map<String, Object>> environments;
  private final Variables variables;
  private final ConfigLines lines;

  private ConfigFile(Path file, Map<String, Object> top, Map<String, Map<String, Object>> environments,
      Variables variables, ConfigLines lines) {
    this.lines = lines;
    this.file = file;
    this.top = top;
    this.environments = environments;
    this.variables = variables;
  }

  static ConfigFile load(Path file, Map<String, String> env) {
    UnmodifiableConfig parsed;
    com.electronwill.nightconfig.core.Config.setInsertionOrderPreserved(true);
    LineCountingReader counter = null;
    try (LineCountingReader reader = new LineCountingReader(Files.newBufferedReader(file))) {
      counter = reader;
      parsed = new TomlParser().parse(reader);
    } catch (NoSuchFileException e) {
      throw new RetortException(RetortException.Kind.USAGE, file.toString(), "no such config file",
          "run `retort init DIR` to create one, or pass -c PATH/retort.toml");
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.USAGE, file.toString(), "cannot read: " + e.getMessage(), "check the file");
    } catch (ParsingException e) {
      throw new RetortException(RetortException.Kind.USAGE, file + (counter == null ? "" : ":" + counter.line()),
          "not valid TOML: " + TomlErrors.describe(e.getMessage()),
          "fix the syntax; values are quoted strings, e.g. url = \"embedded\"");
    }
    Map<String, Object> top = new LinkedHashMap<>(parsed.valueMap());
    ConfigLines lines = new ConfigLines(file);
    for (String key : top.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        throw new RetortException(RetortException.Kind.USAGE, lines.locate(null, key) + ": " + key, "unknown setting",
            Suggest.didYouMean(key, TOP_KEYS) + "the settings are " + String.join(", ", new TreeSet<>(TOP_KEYS))
                + ", and [env.NAME] tables");
      }
    }
    Map<String, Map<String, Object>> envs = new LinkedHashMap<>();
    Object envTable = top.get("env");
    if (envTable != null) {
      if (!(envTable instanceof UnmodifiableConfig envs0)) {
        throw new RetortException(RetortException.Kind.USAGE, file + ": env", "env must be a table of environments",
            "write [env.dev] with url = \"...\" under it");
      }
      for (Map.Entry<String, Object> e : envs0.valueMap().entrySet()) {
        if (!(e.getValue() instanceof UnmodifiableConfig table)) {
          throw new RetortException(RetortException.Kind.USAGE, file + ": env." + e.getKey(),
              "an environment must be a table", "write [env." + e.getKey() + "] with url = \"...\" under it");
        }
        for (String key : table.valueMap().keySet()) {
          if (!ENV_KEYS.contains(key)) {
            throw new RetortException(RetortException.Kind.USAGE, lines.locate(e.getKey(), key) + ": env."
                + e.getKey() + "." + key, "unknown setting", TOP_KEYS.contains(key)
                    ? key + " is a setting of the whole file: move it above the first [env.NAME] table"
                    : Suggest.didYouMean(key, ENV_KEYS) + "an environment's settings are "
                        + String.join(", ", new TreeSet<>(ENV_KEYS)));
          }
        }
        envs.put(e.getKey(), new LinkedHashMap<>(table.valueMap()));
      }
    }
    ConfigFile config = new ConfigFile(file, top, envs, new Variables(env), lines);
    config.check();
    return config;
  }

  /**
   * Checks every environment, not only the one in use, so that a mistake in prod's settings shows
   * on the first command on dev: types, durations, and that promote_from names an environment. A
   * value with {@code ${VAR}} is checked once expanded, in the environment that uses it.
   */
  private void check() {
    scriptLocation(true);
    devPort(true);
    for (Map.Entry<String, Map<String, Object>> e : environments.entrySet()) {
      String name = e.getKey();
      Table table = new Table(e.getValue(), name, true);
      environment(name, null, table);
      String from = table.string("promote_from");
      if (from != null && !from.contains("${") && (!environments.containsKey(from) || from.equals(name))) {
        throw new RetortException(RetortException.Kind.USAGE, table.location("promote_from"),
            from.equals(name) ? "an environment cannot be promoted from itself"
                : "'" + from + "' is not an environment of this file",
            Suggest.didYouMean(from, otherThan(name)) + "the environments are "
                + String.join(", ", environments.keySet()) + "; promote_from names the one whose revisions "
                + name + " must have first");
      }
    }
  }

  private List<String> otherThan(String name) {
    List<String> names = new ArrayList<>(environments.keySet());
    names.remove(name);
    return names;
  }

  Path file() {
    return file;
  }

  List<String> environmentNames() {
    return new ArrayList<>(environments.keySet());
  }

  /** The port {@code retort dev start} runs the embedded PostgreSQL on: {@code dev_port}, else 54329. */
  int devPort() {
    return devPort(false);
  }

  /** The config for one environment, with {@code urlOverride} (when not null) in place of its URL. */
  Config config(String envName, String urlOverride) {
    Map<String, Object> settings = environments.get(envName);
    if (settings == null && urlOverride == null) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": env." + envName, "no such environment",
          environments.isEmpty() ? "add [env." + envName + "] with url = \"...\", or pass --url"
              : Suggest.didYouMean(envName, environments.keySet()) + "choose one of "
                  + String.join(", ", environments.keySet()) + " with -e, or add [env." + envName + "]");
    }
    Environment environment = environment(envName, urlOverride, new Table(settings == null ? Map.of() : settings, envName, false));
    Path scripts = file.toAbsolutePath().getParent().resolve(scriptLocation(false)).normalize();
    Table top = new Table(this.top, null, false);
    return new Config(scripts, top.string("version_table"), top.string("version_table_schema"), environment);
  }

  private Environment environment(String envName, String urlOverride, Table settings) {
    String text = urlOverride != null ? urlOverride : settings.string("url");
    if (!settings.checking && (text == null || text.isBlank())) {
      throw new RetortException(RetortException.Kind.USAGE, settings.location("url"), "the environment has no url",
          "set url = \"postgresql://user@host:5432/dbname\" or url = \"embedded\"");
    }
    DatabaseUrl url = text == null || text.isBlank() || (settings.checking && text.contains("${")) ? DatabaseUrl.EMBEDDED
        : DatabaseUrl.parse(text, urlOverride != null ? "--url" : settings.location("url"));
    return new Environment(
        envName,
        url,
        settings.duration("lock_timeout", Environment.DEFAULT_LOCK_TIMEOUT),
        settings.duration("statement_timeout", null),
        settings.bool("confirm", false),
        settings.bool("allow_downgrade", !envName.equals("prod")),
        settings.string("promote_from"),
        settings.string("version_table"),
        settings.string("version_table_schema"),
        settings.duration("lock_wait", Environment.DEFAULT_LOCK_WAIT),
        settings.count("lock_retries", Environment.DEFAULT_LOCK_RETRIES));
  }

  private String scriptLocation(boolean checking) {
    String location = new Table(top, null, checking).string("script_location");
    if (location == null) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": script_location", "not set",
          "set script_location = \"migrations\" (relative to this file)");
    }
    return location;
  }

  /** {@code schema_location}: the folder of the declared schema, relative to this file ({@code schema} by default). */
  Path schemaLocation() {
    String location = new Table(top, null, false).string("schema_location");
    return file.toAbsolutePath().getParent().resolve(location == null ? "schema" : location).normalize();
  }

  /** {@code scratch_url}: a server autogenerate and diff may use as a scratchpad, or null for the embedded one. */
  String scratchUrl() {
    return new Table(top, null, false).string("scratch_url");
  }

  private int devPort(boolean checking) {
    Table table = new Table(top, null, checking);
    String port = table.text("dev_port");
    if (port == null) {
      return DEFAULT_DEV_PORT;
    }
    if (port.strip().matches("\\d{1,5}") && Integer.parseInt(port.strip()) > 0 && Integer.parseInt(port.strip()) < 65536) {
      return Integer.parseInt(port.strip());
    }
    throw new RetortException(RetortException.Kind.USAGE, table.location("dev_port"), "must be a port number, 1 to 65535",
        "write dev_port = " + DEFAULT_DEV_PORT);
  }

  /** The whole number a text holds, or -1. */
  private static int parsed(String n) {
    try {
      return Integer.parseInt(n);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * One table of settings (the top or an environment), read with types. While checking the whole
   * file, a value with {@code ${VAR}} is only checked for its type, since its variable may belong to
   * another machine.
   */
  private final class Table {

    private final Map<String, Object> map;
    private final String prefix;
    private final String env;
    private final boolean checking;

    Table(Map<String, Object> map, String env, boolean checking) {
      this.map = map;
      this.env = env;
      this.prefix = env == null ? "" : "env." + env + ".";
      this.checking = checking;
    }

    String location(String key) {
      return lines.locate(env, key) + ": " + prefix + key;
    }

    /** The value as text, expanded; null when absent, or when checking and it holds a variable. */
    String text(String key) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (v instanceof UnmodifiableConfig || v instanceof List) {
        throw new RetortException(RetortException.Kind.USAGE, location(key), "must be a single value, not a table or a list",
            "write " + key + " = \"...\"");
      }
      String s = String.valueOf(v);
      if (checking && s.contains("${")) {
        return null;
      }
      return variables.expand(s, location(key));
    }

    String string(String key) {
      Object v = map.get(key);
      if (v == null) {
        return null;
      }
      if (!(v instanceof String s)) {
        throw new RetortException(RetortException.Kind.USAGE, location(key), "must be a quoted string",
            v instanceof UnmodifiableConfig || v instanceof List ? "write " + key + " = \"...\""
                : "write " + key + " = \"" + v + "\"");
      }
      return checking && s.contains("${") ? s : variables.expand(s, location(key));
    }

    Duration duration(String key, Duration fallback) {
      String s = text(key);
      if (s == null) {
        return fallback;
      }
      return Durations.parse(s, location(key));        // 0 turns the setting off
    }

    int count(String key, int fallback) {
      String s = text(key);
      if (s == null) {
        return fallback;
      }
      String n = s.strip();
      if (!n.isEmpty() && n.length() <= 3 && Character.isDigit(n.charAt(0)) && n.equals(String.valueOf(parsed(n)))) {
        return Integer.parseInt(n);
      }
      throw new RetortException(RetortException.Kind.USAGE, location(key), "must be a whole number",
          "write " + key + " = 3");
    }

    boolean bool(String key, boolean fallback) {
      Object v = map.get(key);
      if (v instanceof Boolean b) {
        return b;
      }
      String s = text(key);
      if (s == null) {
        return fallback;
      }
      if (s.strip().equals("true") || s.strip().equals("false")) {
        return Boolean.parseBoolean(s.strip());
      }
      throw new RetortException(RetortException.Kind.USAGE, location(key), "must be true or false",
          "write " + key + " = true or " + key + " = false");
    }
  }
}
