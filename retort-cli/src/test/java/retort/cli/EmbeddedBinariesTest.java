package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the shared binaries go: RETORT_HOME, else $XDG_CACHE_HOME/retort, else ~/.cache/retort. */
class EmbeddedBinariesTest {

  @Test
  void retortHomeThenTheXdgCacheThenTheHomeCache() {
    assertThat(EmbeddedBinaries.home(Map.of("RETORT_HOME", "/r", "XDG_CACHE_HOME", "/x", "HOME", "/h"))).isEqualTo(Path.of("/r"));
    assertThat(EmbeddedBinaries.home(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h"))).isEqualTo(Path.of("/x/retort"));
    assertThat(EmbeddedBinaries.home(Map.of("HOME", "/h"))).isEqualTo(Path.of("/h/.cache/retort"));
    assertThat(EmbeddedBinaries.home(Map.of("RETORT_HOME", " ", "HOME", "/h"))).isEqualTo(Path.of("/h/.cache/retort"));
  }
}
