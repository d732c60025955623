package retort.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code .retort/} beside retort.toml: the embedded server's data and the cache, never committed. */
final class StateDirectory {

  private StateDirectory() {}

  /** Creates the directory with a {@code .gitignore} that ignores all of it; false when it cannot be written. */
  static boolean prepare(Path dir) {
    Path ignore = dir.resolve(".gitignore");
    if (Files.exists(ignore)) {
      return true;
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(ignore, "*\n");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
