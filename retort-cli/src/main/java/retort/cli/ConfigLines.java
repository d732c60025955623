package retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a setting is in retort.toml, so that an error about it can name the line. */
final class ConfigLines {

  private static final Pattern TABLE = Pattern.compile("\\s*\\[\\s*([^\\]]*?)\\s*]\\s*(#.*)?");
  private static final Pattern KEY = Pattern.compile("\\s*\"?([A-Za-z0-9_-]+)\"?\\s*=.*");

  private final List<String> lines;

  private ConfigLines(List<String> lines) {
    this.lines = lines;
  }

  static ConfigLines of(Path file) {
    try {
      return new ConfigLines(Files.readAllLines(file));
    } catch (IOException | RuntimeException e) {
      return new ConfigLines(List.of());
    }
  }

  /** {@code file:line} of the key in the top table ({@code env} null) or in {@code [env.ENV]}; {@code file} when not found. */
  String locate(String env, String key, Path file) {
    String table = env == null ? "" : "env." + env;
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher t = TABLE.matcher(lines.get(i));
      if (t.matches()) {
        current = t.group(1).replace(" ", "").replace("\"", "");
        continue;
      }
      Matcher k = KEY.matcher(lines.get(i));
      if (k.matches() && k.group(1).equals(key) && current.equals(table)) {
        return file + ":" + (i + 1);
      }
    }
    return file.toString();
  }
}
