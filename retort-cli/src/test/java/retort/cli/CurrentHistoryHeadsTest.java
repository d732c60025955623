package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentHistoryHeadsTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";
  static final String C = "ccccccccccc3";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    p.table(C, B, "bookings");
  }

  static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void currentOnAFreshDatabaseSaysBaseAndPrintsNoRevision() {
    CliRun r = p.run("current");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isBlank();
    assertThat(r.err()).contains("base");
  }

  @Test
  void currentPrintsTheHeadWithItsMark() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("current");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).singleElement().asString().startsWith(C + " (head)");
  }

  @Test
  void currentPrintsExactlyWhatAlembicPrints() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("current");

    assertThat(lines(r.out())).containsExactly(C + " (head)");
  }

  @Test
  void currentVerboseShowsTheFileAndMessage() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("current", "--verbose");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Rev: " + C + " (head)").contains("Parent: " + B)
        .contains("versions/" + C + "_create_bookings.sql").contains("create bookings");
  }

  @Test
  void historyListsNewestFirstAndMarksHeadAndCurrent() {
    assertThat(p.run("upgrade", B).exitCode()).isZero();

    CliRun r = p.run("history");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).containsExactly(
        B + " -> " + C + " (head), create bookings",
        A + " -> " + B + " (current), create apartments",
        "<base> -> " + A + ", create users");
  }

  @Test
  void historyAtHeadMarksTheHeadAsCurrent() {
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun r = p.run("history");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).first().isEqualTo(B + " -> " + C + " (head) (current), create bookings");
    assertThat(lines(r.out())).hasSize(3);
  }

  @Test
  void historyOfflineNeedsNoDatabase() {
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"postgresql://u@127.0.0.1:1/none\"\n");

    CliRun r = p.run("history", "--offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).containsExactly(
        B + " -> " + C + " (head), create bookings",
        A + " -> " + B + ", create apartments",
        "<base> -> " + A + ", create users");
  }

  @Test
  void historyRange() {
    CliRun r = p.run("history", "-r", A + ":" + B, "--offline");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).containsExactly(
        A + " -> " + B + ", create apartments",
        "<base> -> " + A + ", create users");
  }

  @Test
  void headsPrintsTheHead() {
    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).containsExactly(C + " (head)");
  }

  @Test
  void headsPrintsEveryHeadOfABranchedGraph() {
    p.table("ddddddddddd4", B, "reviews");

    CliRun r = p.run("heads");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(lines(r.out())).containsExactlyInAnyOrder(C + " (head)", "ddddddddddd4 (head)");
  }
}
