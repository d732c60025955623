package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database is at a revision this checkout has no file for (an older branch, a missing file):
 * the commands that read show that state instead of failing, and {@code stamp} replaces the row.
 * And a command that is refused changes nothing, not even by creating the state tables.
 */
class UnknownVersionRowTest {

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
  void currentAndEnvsShowTheUnknownRowAndStampReplacesIt() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"30s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    Path b = p.migration(B, A, "beta", "CREATE TABLE beta (id int);", "DROP TABLE beta;");
    FaultProject.Result up = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    Files.delete(b);

    FaultProject.Result current = p.run(Duration.ofSeconds(60), "current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out().strip()).as(current.toString()).isEqualTo(B + ", unknown to this checkout");

    FaultProject.Result envs = p.run(Duration.ofSeconds(60), "envs");
    assertThat(envs.exitCode()).as(envs.toString()).isZero();
    assertThat(envs.out()).as(envs.toString()).contains(B + ", unknown to this checkout").doesNotContain("unreachable");

    FaultProject.Result stamp = p.run(Duration.ofSeconds(60), "stamp", A);
    assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
    assertThat(stamp.err()).as(stamp.toString()).contains(B).contains("unknown to this checkout");
    assertThat(p.versionRows()).containsExactly(A);
  }

  @Test
  void anUpgradeRefusedForSeveralHeadsCreatesNothing() {
    p = FaultProject.create(tmp, "lock_wait = \"30s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, null, "beta", "CREATE TABLE beta (id int);", "DROP TABLE beta;");

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.errorLines().get(0)).as(r.toString()).contains("heads");
    assertThat(p.tableExists("public.retort_version")).isFalse();
    assertThat(p.tableExists("public.retort_log")).isFalse();
    assertThat(p.runLocks()).isZero();
  }
}
