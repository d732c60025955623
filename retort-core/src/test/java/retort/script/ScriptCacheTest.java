package retort.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parsed files kept between runs: used only while the file is the one that was parsed. */
class ScriptCacheTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path tmp;
  Path location;
  Path cache;

  @BeforeEach
  void setUp() throws Exception {
    location = tmp.resolve("migrations");
    Files.createDirectories(location.resolve("versions"));
    cache = tmp.resolve(".retort/cache/scripts.bin");
  }

  @Test
  void aSecondLoadGivesTheSameScriptsFromTheCache() throws Exception {
    write(A, "none", "CREATE TABLE one (id int);\nCREATE INDEX ON one (id);", "DROP TABLE one;", hourAgo());
    write(B, A, "DO $$ BEGIN PERFORM 1; END $$;", "", hourAgo());

    ScriptDirectory first = ScriptDirectory.load(location, cache, w -> {});
    assertThat(cache).isRegularFile();
    ScriptDirectory second = ScriptDirectory.load(location, cache, w -> {});

    assertThat(second.scripts()).isEqualTo(first.scripts());
    assertThat(second.script(A).upgrade().statements()).extracting(s -> s.sql() + " @" + s.line())
        .containsExactly("CREATE TABLE one (id int) @7", "CREATE INDEX ON one (id) @8");
    assertThat(second.graph().heads()).extracting(r -> r.id()).containsExactly(B);
  }

  @Test
  void theChecksumDigestOfAnUnchangedDirectoryComesFromTheCacheAndFollowsAnEdit() throws Exception {
    write(A, "none", "CREATE TABLE one (id int);", "DROP TABLE one;", hourAgo());
    Path b = write(B, A, "CREATE TABLE two (id int);", "DROP TABLE two;", hourAgo());
    ScriptDirectory.load(location, cache, w -> {});
    ScriptDirectory cached = ScriptDirectory.load(location, cache, w -> {});
    ScriptDirectory plain = ScriptDirectory.load(location, null, w -> {});

    assertThat(cached.checksumDigest()).isEqualTo(plain.checksumDigest())
        .isEqualTo(Checksum.digest(java.util.Map.of(A, plain.script(A).checksum(), B, plain.script(B).checksum())));

    Files.writeString(b, Files.readString(b).replace("two", "three"));
    Files.setLastModifiedTime(b, FileTime.from(Instant.now().minus(5, ChronoUnit.MINUTES)));
    ScriptDirectory edited = ScriptDirectory.load(location, cache, w -> {});
    assertThat(edited.checksumDigest()).isNotEqualTo(plain.checksumDigest())
        .isEqualTo(ScriptDirectory.load(location, null, w -> {}).checksumDigest())
        .isEqualTo(ScriptDirectory.load(location, cache, w -> {}).checksumDigest());
  }

  @Test
  void aFileWithTheSameSizeTimeAndInodeIsTakenFromTheCacheUnread() throws Exception {
    Path file = write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    ScriptDirectory.load(location, cache, w -> {});
    // the same bytes count, the old time put back: only a deliberate trick looks like this
    FileTime time = Files.getLastModifiedTime(file);
    Files.writeString(file, Files.readString(file).replace("alpha", "omega"));
    Files.setLastModifiedTime(file, time);

    assertThat(ScriptDirectory.load(location, cache, w -> {}).script(A).upgrade().statements().get(0).sql())
        .isEqualTo("CREATE TABLE alpha (id int)");
    assertThat(ScriptDirectory.load(location, null, w -> {}).script(A).upgrade().statements().get(0).sql())
        .isEqualTo("CREATE TABLE omega (id int)");
  }

  @Test
  void anEditedFileIsReadAgain() throws Exception {
    Path file = write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    String before = ScriptDirectory.load(location, cache, w -> {}).script(A).checksum();

    Files.writeString(file, Files.readString(file).replace("alpha", "uno"));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(30, ChronoUnit.MINUTES)));

    Script after = ScriptDirectory.load(location, cache, w -> {}).script(A);
    assertThat(after.upgrade().statements().get(0).sql()).isEqualTo("CREATE TABLE uno (id int)");
    assertThat(after.checksum()).isNotEqualTo(before);
  }

  @Test
  void aFileChangedInTheSameClockTickAsItsCachingIsNotTrusted() throws Exception {
    // written just now: its time may not move when it is written again within the same tick
    Path file = write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", null);
    ScriptDirectory.load(location, cache, w -> {});
    FileTime time = Files.getLastModifiedTime(file);
    Files.writeString(file, Files.readString(file).replace("alpha", "omega"));
    Files.setLastModifiedTime(file, time);

    assertThat(ScriptDirectory.load(location, cache, w -> {}).script(A).upgrade().statements().get(0).sql())
        .isEqualTo("CREATE TABLE omega (id int)");
  }

  @Test
  void aReplacedOrRemovedFileAndANewFileAreSeen() throws Exception {
    Path a = write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    ScriptDirectory.load(location, cache, w -> {});

    Files.delete(a);
    write(B, "none", "CREATE TABLE two (id int);", "DROP TABLE two;", hourAgo());

    assertThat(ScriptDirectory.load(location, cache, w -> {}).scripts()).extracting(Script::id).containsExactly(B);
  }

  @Test
  void aDamagedOrForeignCacheIsIgnoredAndRewritten() throws Exception {
    write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    ScriptDirectory.load(location, cache, w -> {});
    byte[] bytes = Files.readAllBytes(cache);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(cache, bytes);

    assertThat(ScriptDirectory.load(location, cache, w -> {}).script(A).upgrade().statements()).hasSize(1);
    assertThat(Files.readAllBytes(cache)).isNotEqualTo(bytes);

    // another versions directory with the same cache file: its entries are not this directory's
    Path other = tmp.resolve("other");
    Files.createDirectories(other.resolve("versions"));
    assertThat(ScriptDirectory.load(other, cache, w -> {}).scripts()).isEmpty();
  }

  @Test
  void aCacheThatCannotBeWrittenIsNoCache() throws Exception {
    write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    Path blocked = tmp.resolve("a-file");
    Files.writeString(blocked, "not a directory");

    assertThat(ScriptDirectory.load(location, blocked.resolve("scripts.bin"), w -> {}).scripts()).hasSize(1);
    assertThat(ScriptDirectory.load(location, blocked.resolve("scripts.bin"), w -> {}).scripts()).hasSize(1);
  }

  @Test
  void aFileWithAnErrorIsReportedWhetherOrNotTheOthersAreCached() throws Exception {
    write(A, "none", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;", hourAgo());
    ScriptDirectory.load(location, cache, w -> {});
    Files.writeString(location.resolve("versions/" + B + "_b.sql"), "-- revision: " + B + "\n-- down_revision: "
        + A + "\n\n-- +upgrade\nSELECT 'unterminated;\n");

    ScriptException e = catchThrowableOfType(ScriptException.class, () -> ScriptDirectory.load(location, cache, w -> {}));

    assertThat(e.file()).isEqualTo("versions/" + B + "_b.sql");
  }

  private static FileTime hourAgo() {
    return FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));
  }

  private Path write(String rev, String down, String upgrade, String downgrade, FileTime time) throws Exception {
    Path file = location.resolve("versions/" + rev + "_m.sql");
    Files.writeString(file, "-- revision: " + rev + "\n-- down_revision: " + down + "\n-- message: m\n"
        + "-- created: 2026-01-01T00:00:00Z\n\n-- +upgrade\n" + upgrade + "\n\n-- +downgrade\n" + downgrade + "\n");
    if (time != null) {
      Files.setLastModifiedTime(file, time);
    }
    return file;
  }
}
