package retort.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What in {@code versions/} is a migration: a file whose name ends in {@code .sql}, in any case.
 * Editor backups and hidden files (an editor's lock file {@code .#x.sql} among them) are skipped with
 * one warning naming them, and any other file with another.
 */
class VersionsFilesTest {

  @TempDir Path tmp;

  private void migration(String file, String id, String down) throws Exception {
    Files.writeString(tmp.resolve("versions").resolve(file), "-- revision: " + id + "\n-- down_revision: " + down
        + "\n\n-- +upgrade\nCREATE TABLE " + id + " (id int);\n\n-- +downgrade\nDROP TABLE " + id + ";\n");
  }

  @Test
  void upperCaseSqlIsReadBackupsAndHiddenFilesAndOthersAreNamedOnceEach() throws Exception {
    Files.createDirectories(tmp.resolve("versions"));
    migration("r7_seven.sql", "r7", "none");
    migration("r8_eight.SQL", "r8", "r7");
    // copies of r7 that editors leave: read as migrations, each would declare r7 a second time
    for (String copy : List.of(".#r7_seven.sql", "r7_seven.sql~", "#r7_seven.sql#", "r7_seven.sql.bak",
        ".r7_seven.sql.swp", "r7_seven.sql.orig")) {
      migration(copy, "r7", "none");
    }
    Files.writeString(tmp.resolve("versions").resolve("README.md"), "notes");
    Files.createDirectories(tmp.resolve("versions").resolve("__pycache__"));
    List<String> warnings = new ArrayList<>();

    ScriptDirectory dir = ScriptDirectory.load(tmp, null, warnings::add);

    assertThat(dir.scripts()).extracting(Script::id).containsExactly("r7", "r8");
    assertThat(dir.graph().heads()).extracting(r -> r.id()).containsExactly("r8");
    assertThat(warnings).containsExactly(
        "versions/: skipped editor backups and hidden files: #r7_seven.sql#, .#r7_seven.sql, .r7_seven.sql.swp,"
            + " r7_seven.sql.bak, r7_seven.sql.orig, r7_seven.sql~",
        "versions/: skipped, not migrations (a migration's name ends in .sql): README.md, __pycache__");
  }

  @Test
  void aCleanDirectoryWarnsOfNothing() throws Exception {
    Files.createDirectories(tmp.resolve("versions"));
    migration("r7_seven.sql", "r7", "none");
    List<String> warnings = new ArrayList<>();

    ScriptDirectory.load(tmp, null, warnings::add);

    assertThat(warnings).isEmpty();
  }
}
