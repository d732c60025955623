package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock stays taken by another session: the migrator names the holder and exits with code 3. */
class RunLockTest {

  static final String A = "aaaa00000001";

  @TempDir Path tmp;
  FaultProject p;

  @AfterEach
  void killLeftovers() {
    if (p != null) {
      p.killChildren();
    }
  }

  @Test
  void lockHeldElsewhereTimesOutWithExitCodeThreeNamingTheHolder() throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"1s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");

    try (Connection holder = p.connect()) {
      int holderPid;
      try (Statement s = holder.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        holderPid = rs.getInt(1);
      }
      try (PreparedStatement s = holder.prepareStatement("SELECT pg_advisory_lock(?)")) {
        s.setLong(1, FaultProject.lockKey());
        s.execute();
      }

      long t0 = System.nanoTime();
      FaultProject.Result r = p.run(Duration.ofSeconds(30), "upgrade", "head");
      long tookMs = (System.nanoTime() - t0) / 1_000_000;

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err()).as(r.toString()).doesNotContain("\tat ");
      assertThat(r.errorLines()).as(r.toString()).hasSize(2);
      assertThat(r.errorLines().get(0)).as(r.toString()).startsWith("error: ").contains("pid " + holderPid);
      assertThat(r.errorLines().get(1)).as(r.toString()).startsWith("hint: ");
      assertThat(r.err()).as("while waiting, the holder is named").contains("Waiting for the run lock, held by pid " + holderPid);
      assertThat(tookMs).as("the wait is bounded by lock_wait").isLessThan(20_000);
      assertThat(p.tableExists("public.alpha")).isFalse();
      assertThat(p.tableExists("public.retort_version")).as("nothing is created without the lock").isFalse();

      try (PreparedStatement s = holder.prepareStatement("SELECT pg_advisory_unlock(?)")) {
        s.setLong(1, FaultProject.lockKey());
        try (ResultSet rs = s.executeQuery()) {
          rs.next();
          assertThat(rs.getBoolean(1)).isTrue();
        }
      }
    }

    FaultProject.Result again = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.runLocks()).isZero();
  }
}
