package retort.cli.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import retort.testing.LocalPostgres;

/**
 * A {@code transactional: false} migration interrupted during its second statement, a
 * {@code CREATE INDEX CONCURRENTLY} that waits for a writer's transaction and so has already left its
 * index in the catalog, INVALID: the log says which statements completed, {@code current},
 * {@code validate} and {@code upgrade} say which one was interrupted and name the index, and
 * {@code upgrade --resume} drops the index and goes on from that statement.
 */
class InterruptedMigrationTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";
  static final String SECOND = "CREATE INDEX CONCURRENTLY t_v_idx ON t (v);";

  @TempDir Path tmp;
  FaultProject p;
  LocalPostgres server;

  @AfterEach
  void cleanUp() {
    if (p != null) {
      p.killChildren();
    }
    if (server != null) {
      server.close();
    }
  }

  /** How the run is stopped in the middle of its second statement. */
  enum Interruption {
    /** The migrator is killed (kill -9): its sessions end when the server notices. */
    KILL,
    /** The migrator gets SIGINT (Ctrl-C). */
    SIGINT,
    /** A DBA terminates the session that runs the statement (pg_terminate_backend). */
    TERMINATE
  }

  @ParameterizedTest
  @EnumSource(Interruption.class)
  void theNextRunsSayWhereItStoppedAndResumeFinishesIt(Interruption how) throws Exception {
    p = FaultProject.create(tmp, "lock_wait = \"60s\"\nlock_timeout = \"0\"");
    FaultProject.Result r = interrupt(how);

    if (how == Interruption.TERMINATE) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.errorLines().get(0)).as(r.toString())
          .startsWith("error: " + file() + ":" + line(SECOND) + ": ERROR 57P01");
      assertThat(r.errorLines().get(1)).as(r.toString()).contains("statement 1 of this non-transactional migration was"
          + " applied").contains("--resume").contains("statement 2");
    }
    assertStoppedAndResumed(how == Interruption.TERMINATE ? "partial" : "running");
  }

  /** The server itself restarts (fast shutdown) mid-statement: Debian's PostgreSQL 15, started by the test. */
  @Test
  void aServerRestartMidStatementToo() throws Exception {
    server = LocalPostgres.start(tmp.resolve("server"));
    p = FaultProject.create(tmp.resolve("project"), server.url("postgres"), "lock_wait = \"60s\"\nlock_timeout = \"0\"");
    FaultProject.Result r = interruptWith(() -> server.restart());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(p.query("SELECT outcome FROM public.retort_log WHERE revision = '" + B + "'"))
        .singleElement().isIn("running", "partial");
    assertStoppedAndResumed(p.query("SELECT outcome FROM public.retort_log WHERE revision = '" + B + "'").get(0));
  }

  private FaultProject.Result interrupt(Interruption how) throws Exception {
    return interruptWith(() -> {
      switch (how) {
        case KILL -> child.process().destroyForcibly();
        case SIGINT -> new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        case TERMINATE -> p.execute("SELECT pg_terminate_backend(" + waitingBackend + ")");
      }
    });
  }

  private FaultProject.Child child;
  private int waitingBackend;

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  /**
   * Applies A, then runs `upgrade head` while a writer's transaction holds t, so that B's second
   * statement waits with its INVALID index in the catalog; interrupts it there; returns how the run ended.
   */
  private FaultProject.Result interruptWith(Action interruption) throws Exception {
    p.migration(A, null, "tables", "CREATE TABLE a (id int);\nCREATE TABLE t (id int, v int);\n"
        + "INSERT INTO t SELECT g, g FROM generate_series(1, 1000) g;", "DROP TABLE t;\nDROP TABLE a;");
    p.nonTransactional(B, A, "indexes", "CREATE INDEX CONCURRENTLY a_id_idx ON a (id);\n" + SECOND + "\n"
        + "CREATE INDEX CONCURRENTLY t_id_idx ON t (id);", "DROP INDEX CONCURRENTLY t_id_idx;\n"
        + "DROP INDEX CONCURRENTLY t_v_idx;\nDROP INDEX CONCURRENTLY a_id_idx;");
    FaultProject.Result first = p.run(Duration.ofSeconds(60), "upgrade", A);
    assertThat(first.exitCode()).as(first.toString()).isZero();

    FaultProject.Result r;
    try (Connection writer = p.connect()) {
      writer.setAutoCommit(false);
      try (Statement s = writer.createStatement()) {
        s.execute("INSERT INTO t VALUES (0, 0)");        // holds t until rolled back: CIC waits for it
      }
      child = p.start("upgrade", "head");
      assertThat(FaultProject.eventually(Duration.ofSeconds(30), () -> waiting() != null))
          .as("the migrator never waited in its second statement\n" + child.result(-1)).isTrue();
      waitingBackend = waiting();
      // while it runs, another command says so rather than calling it stopped
      FaultProject.Result meanwhile = p.run(Duration.ofSeconds(60), "current");
      assertThat(meanwhile.err()).as(meanwhile.toString()).contains("upgrade of " + B + " is running now: statement 1"
          + " of 3 has completed");
      interruption.run();
      r = child.await(Duration.ofSeconds(30));
      // the server ends the dead client's session (client_connection_check_interval) before the writer is done
      assertThat(FaultProject.eventually(Duration.ofSeconds(10), () -> !p.query("SELECT count(*) FROM pg_stat_activity"
          + " WHERE pid = " + waitingBackend).contains("1")))
          .as("the interrupted statement's session is still there").isTrue();
      try {
        writer.rollback();
      } catch (java.sql.SQLException restarted) {
        // the restart ended this session too
      }
    }
    assertThat(FaultProject.eventually(Duration.ofSeconds(10), () -> p.runLocks() == 0 && p.retortBackends() == 0))
        .as("the interrupted run's lock or sessions are still there").isTrue();
    return r;
  }

  /** The pid of the migrator's session once it waits in B's second statement, or null. */
  private Integer waiting() {
    List<String> pids = p.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND "
        + FaultProject.RETORT + " AND query LIKE 'CREATE INDEX CONCURRENTLY t_v_idx%' AND wait_event_type = 'Lock'");
    return pids.isEmpty() ? null : Integer.valueOf(pids.get(0));
  }

  private void assertStoppedAndResumed(String outcome) {
    // the log: B started, its first statement completed, its second did not
    assertThat(p.query("SELECT outcome || ' ' || last_statement || ' ' || (statements IS NOT NULL)"
        + " FROM public.retort_log WHERE revision = '" + B + "'")).containsExactly(outcome + " 1 true");
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(indexes()).containsExactly("a_id_idx valid", "t_v_idx INVALID");
    String where = "statement 2 (" + file() + ":" + line(SECOND) + ")";

    FaultProject.Result current = p.run(Duration.ofSeconds(60), "current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out()).as(current.toString()).contains(A);
    assertThat(current.err()).as(current.toString()).contains("stopped after statement 1 of 3").contains(where)
        .contains("public.t_v_idx INVALID");

    FaultProject.Result validate = p.run(Duration.ofSeconds(60), "validate");
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(4);
    assertThat(validate.errorLines().get(0)).as(validate.toString()).contains("stopped after statement 1 of 3")
        .contains(where).contains("t_v_idx INVALID").doesNotContain("changed");
    assertThat(validate.errorLines().get(1)).as(validate.toString()).contains("upgrade --resume");

    FaultProject.Result refused = p.run(Duration.ofSeconds(60), "upgrade", "head");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.errorLines().get(0)).as(refused.toString()).contains(where);
    assertThat(refused.errorLines().get(1)).as(refused.toString()).contains("--resume").contains("statement 2");
    assertThat(indexes()).containsExactly("a_id_idx valid", "t_v_idx INVALID");

    FaultProject.Result resumed = p.run(Duration.ofSeconds(60), "upgrade", "head", "--resume");
    assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
    assertThat(resumed.err()).as(resumed.toString()).contains("dropping the INVALID index public.t_v_idx");
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(indexes()).containsExactly("a_id_idx valid", "t_id_idx valid", "t_v_idx valid");
    assertThat(p.query("SELECT outcome || ' ' || last_statement FROM public.retort_log WHERE revision = '" + B
        + "' ORDER BY id")).containsExactly(outcome + " 1", "applied 3");
    FaultProject.Result valid = p.run(Duration.ofSeconds(60), "validate");
    assertThat(valid.exitCode()).as(valid.toString()).isZero();
  }

  private List<String> indexes() {
    return p.query("SELECT c.relname || ' ' || CASE WHEN i.indisvalid THEN 'valid' ELSE 'INVALID' END"
        + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
        + " WHERE i.indrelid IN ('public.a'::regclass, 'public.t'::regclass) ORDER BY 1");
  }

  private String file() {
    return FaultProject.fileName(B, "indexes");
  }

  private int line(String statement) {
    return p.lineOf(B, "indexes", statement);
  }
}
