package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static retort.cli.Issue5CommandsTest.A;
import static retort.cli.Issue5CommandsTest.B;
import static retort.cli.Issue5CommandsTest.C;
import static retort.cli.Issue5CommandsTest.D;
import static retort.cli.Issue5CommandsTest.E;
import static retort.cli.Issue5CommandsTest.F;
import static retort.cli.Issue5CommandsTest.G;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history --graph} through the CLI. */
class HistoryGraphTest {

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    Issue5CommandsTest.copyGraph(p);
  }

  @Test
  void offlineDrawingNeedsNoDatabaseAndMarksNoCurrent() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://u@127.0.0.1:1/none\"\n");

    CliRun r = p.run("history", "--graph", "--offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "* " + G + " (head), reviews\n"
        + "* " + F + ", bookings\n"
        + "*   " + E + ", merge apartments and billing\n"
        + "|\\\n"
        + "| * " + C + " (billing), invoices\n"
        + "* | " + D + ", index apartment titles without locking writes\n"
        + "* | " + B + ", apartments\n"
        + "|/\n"
        + "* " + A + ", users and the updated_at trigger function\n");
  }

  @Test
  void twoHeadsBeforeTheMergeAndTwoCurrentTips() {
    Project q = Project.create(tmp.resolve("q"));
    Issue5CommandsTest.copyGraph(q, E, F, G);
    assertThat(q.run("upgrade", "heads").exitCode()).isZero();

    CliRun r = q.run("history", "--graph");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "* " + D + " (head) (current), index apartment titles without locking writes\n"
        + "* " + B + ", apartments\n"
        + "| * " + C + " (billing) (head) (current), invoices\n"
        + "|/\n"
        + "* " + A + ", users and the updated_at trigger function\n");
  }

  @Test
  void aRangeDrawsOnlyItsPart() {
    CliRun r = p.run("history", "--graph", "--offline", "-r", "billing:" + F);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(""
        + "* " + F + ", bookings\n"
        + "* " + E + ", merge apartments and billing\n"
        + "* " + C + " (billing), invoices\n");
  }

  @Test
  void aSecondBaseWithItsOwnLabelIsDrawnApart() {
    p.file("0a0a0a0a0a0a_audit.sql", """
        -- revision: 0a0a0a0a0a0a
        -- down_revision: none
        -- message: audit
        -- branch_labels: audit
        -- +upgrade
        CREATE TABLE audit (id int);
        -- +downgrade
        DROP TABLE audit;
        """);
    p.table("0b0b0b0b0b0b", "0a0a0a0a0a0a", "audit_items");

    CliRun r = p.run("history", "--graph", "--offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).endsWith(""
        + "* " + A + ", users and the updated_at trigger function\n"
        + "\n"
        + "* 0b0b0b0b0b0b (head), create audit_items\n"
        + "* 0a0a0a0a0a0a (audit), audit\n");
    assertThat(r.out()).startsWith("* " + G + " (head), reviews\n");
  }

  @Test
  void graphWithVerboseOrJsonIsAUsageError() {
    CliRun verbose = p.run("history", "--graph", "-v");
    assertThat(verbose.exitCode()).as(verbose.toString()).isEqualTo(2);
    assertThat(verbose.err()).contains("--graph").contains("hint:");

    CliRun json = p.run("history", "--graph", "--format", "json");
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(2);
  }
}
