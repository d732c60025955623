package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `current`, `current --format json` and `history -v` say when a run holds the database, without waiting for it. */
class RunInProgressTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;

  @Test
  void aRunUnderWayIsNamedWhoAndSinceWhen() throws Exception {
    Project p = Project.create(tmp);
    p.table(A, null, "users");
    p.migration(B, A, "slow", "SELECT pg_sleep(6);", "SELECT 1;");
    assertThat(p.run("upgrade", A).exitCode()).isZero();
    assertThat(p.run("current").err()).doesNotContain("in progress");

    RetortProcess run = RetortProcess.start(tmp, List.of(), Map.of(), "-c", p.toml.toString(), "upgrade", "head");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!run.errSoFar().contains("Running upgrade " + A + " -> " + B) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    String holder = p.query("SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted"
        + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())").get(0);

    long started = System.nanoTime();
    CliRun current = p.run("current");
    CliRun json = p.run("current", "--format", "json");
    CliRun history = p.run("history", "-v");

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));   // no waiting
    for (CliRun r : List.of(current, json, history)) {
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.err()).as(r.toString()).containsPattern("A run is in progress on this database: pid " + holder
          + " \\(user postgres, application_name '[^']*'\\), connected since \\S+; running upgrade " + B);
    }
    assertThat(current.out()).isEqualTo(A + "\n");
    assertThat(json.out()).startsWith("[\n  {\"revision\": \"" + A + "\"");
    assertThat(run.await(Duration.ofSeconds(60)).exitCode()).isZero();
    assertThat(p.run("current").err()).doesNotContain("in progress");
  }
}
