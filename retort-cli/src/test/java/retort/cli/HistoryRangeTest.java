package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `history -r -N:`: the head and N steps below it, whatever the database says (or whether it answers). */
class HistoryRangeTest {

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table("aaaaaaaaaaa1", null, "users");
    p.table("bbbbbbbbbbb2", "aaaaaaaaaaa1", "apartments");
    p.table("ccccccccccc3", "aaaaaaaaaaa1", "invoices");
    p.migration("ddddddddddd4", "bbbbbbbbbbb2, ccccccccccc3", "merge", "SELECT 1;", "SELECT 1;");
  }

  @Test
  void oneBelowAMergePointIsBothItsParents() {
    CliRun r = p.run("history", "-r", "-1:");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().toList()).containsExactly(
        "bbbbbbbbbbb2, ccccccccccc3 -> ddddddddddd4 (head) (mergepoint), merge",
        "aaaaaaaaaaa1 -> ccccccccccc3, create invoices",
        "aaaaaaaaaaa1 -> bbbbbbbbbbb2, create apartments");
  }

  @Test
  void aRelativeRangeNeedsNoDatabase() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://nobody@127.0.0.1:9/none\"\n");

    CliRun r = p.run("history", "-r", "-2:");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).startsWith("warning: cannot connect to ").contains("listing without the current revision")
        .doesNotContain("at base");
    assertThat(r.out().lines()).hasSize(4).last().asString().startsWith("<base> -> aaaaaaaaaaa1");
  }

  @Test
  void belowTheBaseIsAnError() {
    CliRun r = p.run("history", "-r", "-3:", "--offline");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("error: -3 goes below the base: ddddddddddd4 has 2 revisions below it\n"
        + "hint: use base: for all of them, or -2:\n");
  }
}
