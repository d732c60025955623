package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an editor leaves in versions/ is skipped with a warning; an upper-case .SQL is a migration. */
class EditorFilesTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  @Test
  void anUpperCaseExtensionIsReadAndAnEditorsLockFileIsSkippedWithOneWarning() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"30s\"");
    Path a = p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    Path b = p.migration(B, A, "beta", "CREATE TABLE beta (id int);", "DROP TABLE beta;");
    Files.move(b, b.resolveSibling(B + "_beta.SQL"));
    Files.copy(a, a.resolveSibling(".#" + a.getFileName()));          // emacs' lock file, a copy of the migration
    Files.copy(a, a.resolveSibling(a.getFileName() + "~"));
    Files.writeString(a.resolveSibling("notes.txt"), "todo");

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(r.err().lines().filter(l -> l.startsWith("warning: ")).toList()).as(r.toString()).containsExactly(
        "warning: versions/: skipped editor backups and hidden files: .#" + a.getFileName() + ", " + a.getFileName() + "~",
        "warning: versions/: skipped, not migrations (a migration's name ends in .sql): notes.txt");
  }
}
