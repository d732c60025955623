package retort.cli;

import com.electronwill.nightconfig.core.UnmodifiableConfig;
import com.electronwill.nightconfig.core.io.ParsingException;
import com.electronwill.nightconfig.toml.TomlParser;
import java.io.IOException;
import java.io.Reader;
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
  private static final Set<String> TOP_KEYS = Set.of("script_location", "version_table", "version_table_schema", "env",
      "schema_location", "scratch_url");
  private static final Set<String> ENV_KEYS = Set.of("url", "lock_timeout", "statement_timeout", "confirm",
      "allow_downgrade", "promote_from", "version_table", "version_table_schema", "lock_wait", "lock_retries");

  private final Path file;
  private final Map<String, Object> top;
  private final Map<String, Map<String, Object>> environments;
  private final Variables variables;

  private ConfigFile(Path file, Map<String, Object> top, Map<String, Map<String, Object>> environments,
      Variables variables) {
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
          "not valid TOML: " + e.getMessage().replaceAll("\\s+", " ").strip(),
          "fix the syntax; values are quoted strings, e.g. url = \"embedded\"");
    }
    Map<String, Object> top = new LinkedHashMap<>(parsed.valueMap());
    for (String key : top.keySet()) {
      if (!TOP_KEYS.contains(key)) {
        throw new RetortException(RetortException.Kind.USAGE, file + ": " + key, "unknown setting",
            "the settings are " + String.join(", ", new TreeSet<>(TOP_KEYS)) + ", and [env.NAME] tables");
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
            throw new RetortException(RetortException.Kind.USAGE, file + ": env." + e.getKey() + "." + key,
                "unknown setting", "an environment's settings are " + String.join(", ", new TreeSet<>(ENV_KEYS)));
          }
        }
        envs.put(e.getKey(), new LinkedHashMap<>(table.valueMap()));
      }
    }
    return new ConfigFile(file, top, envs, new Variables(env));
  }

  Path file() {
    return file;
  }

  List<String> environmentNames() {
    return new ArrayList<>(environments.keySet());
  }

  /** The config for one environment, with {@code urlOverride} (when not null) in place of its URL. */
  Config config(String envName, String urlOverride) {
    Map<String, Object> settings = environments.get(envName);
    if (settings == null && urlOverride == null) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": env." + envName, "no such environment",
          environments.isEmpty() ? "add [env." + envName + "] with url = \"...\", or pass --url"
              : "choose one of " + String.join(", ", environments.keySet()) + " with -e, or add [env." + envName + "]");
    }
    if (settings == null) {
      settings = Map.of();
    }
    String prefix = "env." + envName + ".";
    String text = urlOverride != null ? urlOverride : string(settings, "url", prefix);
    if (text == null || text.isBlank()) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": " + prefix + "url", "the environment has no url",
          "set url = \"postgresql://user@host:5432/dbname\" or url = \"embedded\"");
    }
    DatabaseUrl url = DatabaseUrl.parse(text, urlOverride != null ? "--url" : file + ": " + prefix + "url");
    Environment environment = new Environment(
        envName,
        url,
        duration(settings, "lock_timeout", prefix, Environment.DEFAULT_LOCK_TIMEOUT),
        duration(settings, "statement_timeout", prefix, null),
        bool(settings, "confirm", prefix, false),
        bool(settings, "allow_downgrade", prefix, !envName.equals("prod")),
        string(settings, "promote_from", prefix),
        string(settings, "version_table", prefix),
        string(settings, "version_table_schema", prefix),
        lockWait(settings, prefix),
        count(settings, "lock_retries", prefix, Environment.DEFAULT_LOCK_RETRIES));
    String location = string(top, "script_location", "");
    if (location == null) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": script_location", "not set",
          "set script_location = \"migrations\" (relative to this file)");
    }
    Path scripts = file.toAbsolutePath().getParent().resolve(location).normalize();
    return new Config(scripts, string(top, "version_table", ""), string(top, "version_table_schema", ""), environment);
  }

  /** {@code schema_location}: the folder of the declared schema, relative to this file ({@code schema} by default). */
  Path schemaLocation() {
    String location = string(top, "schema_location", "");
    return file.toAbsolutePath().getParent().resolve(location == null ? "schema" : location).normalize();
  }

  /** {@code scratch_url}: a server autogenerate and diff may use as a scratchpad, or null for the embedded one. */
  String scratchUrl() {
    return string(top, "scratch_url", "");
  }

  private String string(Map<String, Object> map, String key, String prefix) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new RetortException(RetortException.Kind.USAGE, file + ": " + prefix + key, "must be a quoted string",
          "write " + key + " = \"" + v + "\"");
    }
    return variables.expand(s, file + ": " + prefix + key);
  }

  private Duration duration(Map<String, Object> map, String key, String prefix, Duration fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    return Durations.parse(variables.expand(String.valueOf(v), file + ": " + prefix + key), file + ": " + prefix + key);
  }

  private Duration lockWait(Map<String, Object> map, String prefix) {
    return duration(map, "lock_wait", prefix, Environment.DEFAULT_LOCK_WAIT);
  }

  private int count(Map<String, Object> map, String key, String prefix, int fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    String s = variables.expand(String.valueOf(v), file + ": " + prefix + key).strip();
    if (s.matches("\\d{1,3}")) {
      return Integer.parseInt(s);
    }
    throw new RetortException(RetortException.Kind.USAGE, file + ": " + prefix + key, "must be a whole number",
        "write " + key + " = 3");
  }

  private boolean bool(Map<String, Object> map, String key, String prefix, boolean fallback) {
    Object v = map.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = variables.expand(String.valueOf(v), file + ": " + prefix + key).strip();
    if (s.equals("true") || s.equals("false")) {
      return Boolean.parseBoolean(s);
    }
    throw new RetortException(RetortException.Kind.USAGE, file + ": " + prefix + key, "must be true or false",
        "write " + key + " = true or " + key + " = false");
  }
}
