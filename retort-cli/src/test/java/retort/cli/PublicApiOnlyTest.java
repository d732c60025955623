package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The command line uses Retort's public API (package {@code retort}) and nothing internal. */
class PublicApiOnlyTest {

  private static final Pattern INTERNAL = Pattern.compile("\\bretort\\.(?!cli\\b)[a-z]+\\.[A-Za-z]");

  @Test
  void noMainSourceNamesAnInternalPackage() throws Exception {
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      List<String> offenders = files.filter(f -> f.toString().endsWith(".java"))
          .filter(f -> INTERNAL.matcher(read(f)).find())
          .map(Path::toString)
          .toList();
      assertThat(offenders).isEmpty();
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
