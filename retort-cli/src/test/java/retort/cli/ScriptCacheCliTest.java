package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parsed migrations kept in .retort/cache between commands, and RETORT_CACHE=off. */
class ScriptCacheCliTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path tmp;

  @Test
  void migrationsTakenFromTheCacheRunAsTheirFilesSay() throws Exception {
    Project p = Project.create(tmp);
    settle(p.migration(A, null, "one", "CREATE TABLE one (id int);\nINSERT INTO one VALUES (1);", "DROP TABLE one;"));
    settle(p.migration(B, A, "two", "CREATE TABLE two (id int);\nINSERT INTO two SELECT id + 1 FROM one;",
        "DROP TABLE two;"));

    assertThat(p.run("heads").exitCode()).isZero();
    Path cache = tmp.resolve(".retort/cache/scripts.bin");
    assertThat(cache).isRegularFile();
    FileTime written = Files.getLastModifiedTime(cache);

    CliRun up = p.run("upgrade", "head");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(p.query("SELECT id FROM two")).containsExactly("2");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(Files.getLastModifiedTime(cache)).as("nothing changed, nothing rewritten").isEqualTo(written);

    CliRun down = p.run("downgrade", "base");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(p.tableExists("public.one")).isFalse();
  }

  @Test
  void retortCacheOffReadsEveryFileAndWritesNoCache() throws Exception {
    Project p = Project.create(tmp);
    settle(p.migration(A, null, "one", "CREATE TABLE one (id int);", "DROP TABLE one;"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("RETORT_CACHE", "off");

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new String[] {"-c", p.toml.toString(), "upgrade", "head"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()), env);

    assertThat(code).isZero();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(tmp.resolve(".retort/cache")).doesNotExist();
  }

  /** Files an hour old: settled, so that the cache may keep them. */
  private static void settle(Path file) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
  }
}
