package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * Behind PgBouncer in transaction mode a session advisory lock is granted to whichever server
 * connection ran the statement: runs refuse before changing anything, and leave no lock behind.
 * In session mode each client keeps its server connection, and a run goes through.
 */
class PgBouncerTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path tmp;
  FaultProject p;
  Bouncer bouncer;

  @AfterEach
  void stop() throws Exception {
    if (p != null) {
      p.killChildren();
    }
    if (bouncer != null) {
      bouncer.close();
    }
  }

  private void project() {
    p = FaultProject.create(tmp.resolve("project"), "lock_wait = \"30s\"");
    p.migration(A, null, "alpha", "CREATE TABLE alpha (id int);", "DROP TABLE alpha;");
    p.migration(B, A, "beta", "CREATE TABLE beta (id int);", "DROP TABLE beta;");
  }

  @Test
  void transactionModeIsRefusedBeforeAnythingChangesAndNoLockIsLeftGranted() throws Exception {
    project();
    bouncer = Bouncer.start(tmp.resolve("bouncer"), "transaction", TestPostgres.port());
    p.settings(bouncer.url(p.database), "lock_wait = \"30s\"");

    List<FaultProject.Child> runs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runs.add(p.start("upgrade", "head"));
    }
    for (FaultProject.Child run : runs) {
      FaultProject.Result r = run.await(Duration.ofSeconds(60));
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.errorLines().get(0)).as(r.toString()).contains("connection pooler in transaction mode");
      assertThat(r.errorLines().get(1)).as(r.toString()).contains("directly");
    }

    assertThat(p.runLocks()).as("an advisory lock is left on a pooled server connection").isZero();
    assertThat(p.tableExists("public.retort_version")).isFalse();
    assertThat(p.tableExists("public.retort_log")).isFalse();
    assertThat(p.tableExists("public.alpha")).isFalse();

    // pointed at the server directly, the next run takes the lock and applies everything
    p.settings("lock_wait = \"30s\"");
    FaultProject.Result direct = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(direct.exitCode()).as(direct.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
  }

  @Test
  void sessionModeKeepsASessionPerRunAndTheRunGoesThrough() throws Exception {
    project();
    bouncer = Bouncer.start(tmp.resolve("bouncer"), "session", TestPostgres.port());
    p.settings(bouncer.url(p.database), "lock_wait = \"30s\"");

    FaultProject.Result r = p.run(Duration.ofSeconds(60), "upgrade", "head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade applied");
    assertThat(FaultProject.eventually(Duration.ofSeconds(5), () -> p.runLocks() == 0)).isTrue();
  }
}
