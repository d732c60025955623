package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `retort log`: retort_log as a user reads it. */
class LogCommandTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.migration(B, A, "broken", "CREATE TABLE apartments (id bigint);\nSELECT 1/0;", "DROP TABLE apartments;");
  }

  @Test
  void everyStepWithWhenWhoWhereHowAndWhy() {
    assertThat(p.run("upgrade", A).exitCode()).isZero();
    assertThat(p.run("upgrade", "head").exitCode()).isEqualTo(1);
    assertThat(p.run("downgrade", "base").exitCode()).isZero();

    CliRun r = p.run("log");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    assertThat(lines.get(0)).matches("when \\(UTC\\) +who +env +revision +direction +outcome +took +error / note");
    assertThat(lines.get(1)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  postgres  dev  " + A + "  upgrade    applied  \\d+ ms");
    assertThat(lines.get(2)).matches("\\d{4}-.*  postgres  dev  " + B + "  upgrade    failed   \\d+ ms +"
        + "versions/" + B + "_broken.sql:6: ERROR 22012: division by zero");
    assertThat(lines.get(3)).matches("\\d{4}-.*  postgres  dev  " + A + "  downgrade  applied  \\d+ ms");
    assertThat(p.logRows()).containsExactly(A + " upgrade applied", B + " upgrade failed", A + " downgrade applied");

    CliRun last = p.run("log", "-n", "1");
    assertThat(last.out().lines().toList()).hasSize(2).last().asString().contains(A + "  downgrade");
  }

  @Test
  void asJson() {
    assertThat(p.run("upgrade", A).exitCode()).isZero();

    CliRun r = p.run("log", "--format", "json");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).matches("(?s)\\[\n  \\{\"started\": \"[-0-9T:.]+Z\", \"finished\": \"[-0-9T:.]+Z\", \"duration_ms\": \\d+,"
        + " \"user\": \"postgres\", \"environment\": \"dev\", \"revision\": \"" + A + "\", \"direction\": \"upgrade\","
        + " \"outcome\": \"applied\", \"error\": null, \"note\": null}\n]\n");
  }

  @Test
  void anEmptyLogSaysSo() {
    CliRun r = p.run("log");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("The log is empty: no migration has run on postgresql://postgres@localhost:");
    assertThat(p.run("log", "--format", "json").out()).isEqualTo("[]\n");
    assertThat(p.versionTableExists()).isFalse();
  }
}
