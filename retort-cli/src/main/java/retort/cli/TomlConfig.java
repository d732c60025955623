package retort.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import retort.Config;

/**
 * {@code retort.toml} for other tools, such as the Maven plugin: read and checked exactly as the
 * command line reads it (relative paths from the file's directory, {@code ${VAR}} from
 * {@code variables} in the environment in use only, every environment checked).
 */
public final class TomlConfig {

  private TomlConfig() {}

  /** The config of one environment; {@code url} (when not null) in place of the environment's URL. */
  public static Config load(Path file, String environment, String url, Map<String, String> variables) {
    return ConfigFile.load(file, variables).config(environment, url);
  }

  /** {@code schema_location}: the folder of the declared schema ({@code schema} beside the file by default). */
  public static Path schemaLocation(Path file, Map<String, String> variables) {
    return ConfigFile.load(file, variables).schemaLocation();
  }

  /** {@code scratch_url}: the server autogenerate and diff may use as a scratchpad, or null for an embedded one. */
  public static String scratchUrl(Path file, Map<String, String> variables) {
    return ConfigFile.load(file, variables).scratchUrl();
  }

  /** The names of the file's environments, in file order. */
  public static List<String> environments(Path file, Map<String, String> variables) {
    return ConfigFile.load(file, variables).environmentNames();
  }
}
