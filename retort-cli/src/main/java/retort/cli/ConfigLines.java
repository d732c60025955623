package retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where a setting is in retort.toml, so that an error about it can name the line. */
final class ConfigLines {

  private final Path file;
  private List<String> lines;

  /** The lines of the file, read again only when an error needs one (most runs need none). */
  ConfigLines(Path file) {
    this.file = file;
  }

  private List<String> lines() {
    if (lines == null) {
      try {
        lines = Files.readAllLines(file);
      } catch (IOException | RuntimeException e) {
        lines = List.of();
      }
    }
    return lines;
  }

  /** {@code file:line} of the key in the top table ({@code env} null) or in {@code [env.ENV]}; {@code file} when not found. */
  String locate(String env, String key) {
    Pattern tablePattern = Pattern.compile("\\s*\\[\\s*([^\\]]*?)\\s*]\\s*(#.*)?");
    Pattern keyPattern = Pattern.compile("\\s*\"?([A-Za-z0-9_-]+)\"?\\s*=.*");
    List<String> lines = lines();
    String table = env == null ? "" : "env." + env;
    String current = "";
    for (int i = 0; i < lines.size(); i++) {
      Matcher t = tablePattern.matcher(lines.get(i));
      if (t.matches()) {
        current = t.group(1).replace(" ", "").replace("\"", "");
        continue;
      }
      Matcher k = keyPattern.matcher(lines.get(i));
      if (k.matches() && k.group(1).equals(key) && current.equals(table)) {
        return file + ":" + (i + 1);
      }
    }
    return file.toString();
  }
}
