package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.sql.Lexer;
import retort.sql.SqlSyntaxException;
import retort.testing.TestPostgres;

/**
 * Issue 5's commands, through the CLI, against the embedded PostgreSQL, on one graph with two
 * branches, a merge and a label ({@code src/test/resources/issue5/graph}):
 *
 * <pre>
 * * 7a7a7a7a7a7a (head), reviews
 * * f6f6f6f6f6f6, bookings
 * *   e5e5e5e5e5e5, merge apartments and billing
 * |\
 * | * c3c3c3c3c3c3 (billing), invoices
 * * | d4d4d4d4d4d4, index apartment titles (transactional: false)
 * * | b2b2b2b2b2b2, apartments
 * |/
 * * a1a1a1a1a1a1, users and the updated_at trigger function
 * </pre>
 */
class Issue5CommandsTest {

  static final String A = "a1a1a1a1a1a1";
  static final String B = "b2b2b2b2b2b2";
  static final String C = "c3c3c3c3c3c3";
  static final String D = "d4d4d4d4d4d4";
  static final String E = "e5e5e5e5e5e5";
  static final String F = "f6f6f6f6f6f6";
  static final String G = "7a7a7a7a7a7a";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    copyGraph(p);
  }

  // ---- helpers the other issue-5 tests share

  /** The fixture's files, by name. */
  static List<Path> graphFiles() {
    try {
      Path dir = Path.of(Objects.requireNonNull(Issue5CommandsTest.class.getResource("/issue5/graph")).toURI());
      try (Stream<Path> s = Files.list(dir)) {
        return s.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Copies the fixture into the project's versions/, leaving out the revisions named. */
  static void copyGraph(Project p, String... except) {
    for (Path f : graphFiles()) {
      String name = f.getFileName().toString();
      if (Stream.of(except).noneMatch(name::startsWith)) {
        p.file(name, Project.read(f));
      }
    }
  }

  /** Runs SQL the way a person with psql would but over JDBC: split by the lexer, autocommit. */
  static void runScript(String url, String sql) {
    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      for (retort.sql.Statement statement : Lexer.statements(sql, 1)) {
        s.execute(statement.sql());
      }
    } catch (SQLException | SqlSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The upgrade section of a fixture file. */
  static String upgradeSection(Path file) {
    String text = Project.read(file);
    int up = text.indexOf("-- +upgrade");
    int down = text.indexOf("-- +downgrade");
    return text.substring(up + "-- +upgrade".length(), down);
  }

  static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  private CliRun ok(String... args) {
    CliRun r = p.run(args);
    assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r).isZero();
    return r;
  }

  // ---- merge, branches, show, heads

  @Test
  void mergeWritesARevisionWithBothHeadsAsParents() {
    Project q = Project.create(tmp.resolve("q"));
    copyGraph(q, E, F, G);
    assertThat(lines(q.run("heads").out())).containsExactlyInAnyOrder(D + " (head)", C + " (billing) (head)");

    CliRun r = q.run("merge", "heads", "-m", "join billing", "--rev-id", "0e0e0e0e0e0e");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("0e0e0e0e0e0e_join_billing.sql");
    String file = Project.read(q.versions().resolve("0e0e0e0e0e0e_join_billing.sql"));
    assertThat(file).containsPattern("-- down_revision: (" + C + ", " + D + "|" + D + ", " + C + ")\n");
    assertThat(lines(q.run("heads").out())).containsExactly("0e0e0e0e0e0e (head) (mergepoint)");
    CliRun up = q.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(q.versionRows()).containsExactly("0e0e0e0e0e0e");
  }

  @Test
  void mergeOfNamedRevisions() {
    Project q = Project.create(tmp.resolve("q"));
    copyGraph(q, E, F, G);

    CliRun r = q.run("merge", B + "", "billing", "-m", "by name", "--rev-id", "0f0f0f0f0f0f");

    // b2 is not a head: Alembic merges any revisions named, the graph then has heads d4 and 0f
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Project.read(q.versions().resolve("0f0f0f0f0f0f_by_name.sql")))
        .contains("-- down_revision: " + B + ", " + C + "\n");
  }

  @Test
  void mergeOfOneRevisionIsAUsageError() {
    CliRun r = p.run("merge", G, "-m", "alone");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("two or more");
  }

  @Test
  void branchesShowsTheBranchPointAndWhatFollowsIt() {
    CliRun r = ok("branches");

    assertThat(lines(r.out())).containsExactly(
        "<base> -> " + A + " (branchpoint), users and the updated_at trigger function",
        "  -> " + B + ", apartments",
        "  -> " + C + " (billing), invoices");
  }

  @Test
  void showPrintsOneRevisionInFull() {
    CliRun r = ok("show", "billing");

    assertThat(r.out()).isEqualTo("Rev: " + C + " (billing)\n"
        + "Parent: " + A + "\n"
        + "Branch names: billing\n"
        + "Path: versions/c3c3c3c3c3c3_invoices.sql\n"
        + "Created: 2026-01-03T10:00:00Z\n"
        + "\n"
        + "    invoices\n");

    CliRun merge = ok("show", "e5e5");
    assertThat(merge.out()).startsWith("Rev: " + E + " (mergepoint)\nParent: " + D + ", " + C + "\n");

    CliRun head = ok("show", "head");
    assertThat(head.out()).startsWith("Rev: " + G + " (head)\n");
  }

  @Test
  void showOfAnUnknownRevisionIsAUsageError() {
    CliRun r = p.run("show", "ffff0000");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("ffff0000");
  }

  @Test
  void headsVerbose() {
    CliRun r = ok("heads", "-v");

    assertThat(r.out()).startsWith("Rev: " + G + " (head)\n"
        + "Parent: " + F + "\n"
        + "Path: versions/7a7a7a7a7a7a_reviews.sql\n"
        + "Created: 2026-01-07T10:00:00Z\n"
        + "\n"
        + "    reviews\n");
  }

  // ---- stamp

  @Test
  void stampSetsTheVersionTableAndRunsNothing() {
    CliRun r = ok("stamp", C);

    assertThat(r.out()).contains("Stamped; the database is at " + C);
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.tableExists("public.users")).isFalse();
    assertThat(p.tableExists("public.invoices")).isFalse();
    assertThat(lines(ok("current").out())).containsExactly(C + " (billing)");

    // a revision on the other branch: Alembic adds its row beside the first
    ok("stamp", D);
    assertThat(p.versionRows()).containsExactly(C, D);

    // then the merge's descendants: one row again
    ok("stamp", F);
    assertThat(p.versionRows()).containsExactly(F);
    assertThat(p.logRows()).allSatisfy(l -> assertThat(l).contains(" stamp "));
  }

  @Test
  void stampPurgeEmptiesTheTableFirst() {
    ok("upgrade", "head");
    assertThat(p.versionRows()).containsExactly(G);

    CliRun r = ok("stamp", "--purge", B);

    assertThat(r.out()).contains("the database is at " + B);
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.reviews")).isTrue(); // nothing ran
  }

  @Test
  void stampBaseEmptiesTheVersionTable() {
    ok("stamp", "head");

    ok("stamp", "base");

    assertThat(p.versionRows()).isEmpty();
  }

  @Test
  void stampHeadAdoptsADatabaseBuiltByHandThenThereIsNothingToDo() {
    // build the schema by hand from the same SQL, in the order an upgrade would run it
    for (String id : List.of(A, B, C, D, E, F, G)) {
      Path file = graphFiles().stream().filter(f -> f.getFileName().toString().startsWith(id)).findFirst().orElseThrow();
      runScript(p.url, upgradeSection(file));
    }
    assertThat(p.tableExists("public.reviews")).isTrue();
    assertThat(p.versionTableExists()).isFalse();
    assertThat(p.run("check").exitCode()).isEqualTo(1);

    ok("stamp", "head");
    CliRun up = ok("upgrade", "head");

    assertThat(up.out()).contains("Nothing to upgrade: the database is at " + G);
    assertThat(p.versionRows()).containsExactly(G);
    assertThat(ok("check").out()).contains("nothing is pending");
  }

  // ---- history

  @Test
  void historyBaseToHeadListsEveryRevisionNewestFirst() {
    CliRun r = ok("history", "-r", "base:head");

    assertThat(lines(r.out())).containsExactly(
        F + " -> " + G + " (head), reviews",
        E + " -> " + F + ", bookings",
        D + ", " + C + " -> " + E + " (mergepoint), merge apartments and billing",
        B + " -> " + D + ", index apartment titles without locking writes",
        A + " -> " + C + " (billing), invoices",
        A + " -> " + B + ", apartments",
        "<base> -> " + A + " (branchpoint), users and the updated_at trigger function");
  }

  @Test
  void historyMinusThreeToTheHeadsCountsDownFromTheHead() {
    p.table("8b8b8b8b8b8b", G, "payouts");
    ok("upgrade", "head");

    CliRun r = ok("history", "-r", "-3:");

    // the head 8b and the three revisions below it, as Alembic counts (from the heads, not the database)
    assertThat(lines(r.out())).containsExactly(
        G + " -> 8b8b8b8b8b8b (head) (current), create payouts",
        F + " -> " + G + ", reviews",
        E + " -> " + F + ", bookings",
        D + ", " + C + " -> " + E + " (mergepoint), merge apartments and billing");

    // one further is below the merge: both its parents (Alembic 1.8.1 stops there: "Ambiguous walk")
    CliRun four = ok("history", "-r", "-4:");
    assertThat(lines(four.out())).hasSize(6).endsWith(
        B + " -> " + D + ", index apartment titles without locking writes",
        A + " -> " + C + " (billing), invoices");
  }

  @Test
  void historyFromCurrent() {
    ok("upgrade", F);

    CliRun r = ok("history", "-r", "current:");

    assertThat(lines(r.out())).containsExactly(
        F + " -> " + G + " (head), reviews",
        E + " -> " + F + " (current), bookings");
  }

  @Test
  void historyToARevisionAndFromALabel() {
    CliRun to = ok("history", "-r", ":" + B, "--offline");
    assertThat(lines(to.out())).containsExactly(
        A + " -> " + B + ", apartments",
        "<base> -> " + A + " (branchpoint), users and the updated_at trigger function");

    CliRun from = ok("history", "-r", "billing:" + E, "--offline");
    assertThat(lines(from.out())).containsExactly(
        D + ", " + C + " -> " + E + " (mergepoint), merge apartments and billing",
        A + " -> " + C + " (billing), invoices");
  }

  @Test
  void historyIndicateCurrent() {
    ok("upgrade", "billing");

    CliRun r = ok("history", "-i");

    assertThat(lines(r.out())).hasSize(7)
        .contains(A + " -> " + C + " (billing) (current), invoices")
        .filteredOn(l -> l.contains("(current)")).hasSize(1);
  }

  @Test
  void historyGraphDrawsBothBranchesAndTheMerge() {
    ok("upgrade", "billing");

    CliRun r = ok("history", "--graph");

    assertThat(r.out()).isEqualTo(""
        + "* " + G + " (head), reviews\n"
        + "* " + F + ", bookings\n"
        + "*   " + E + ", merge apartments and billing\n"
        + "|\\\n"
        + "| * " + C + " (billing) (current), invoices\n"
        + "* | " + D + ", index apartment titles without locking writes\n"
        + "* | " + B + ", apartments\n"
        + "|/\n"
        + "* " + A + ", users and the updated_at trigger function\n");
  }

  // ---- current, check, targets

  @Test
  void currentVerboseOnTwoBranchTips() {
    ok("upgrade", D);
    ok("upgrade", "billing");

    CliRun r = ok("current", "-v");

    assertThat(r.out()).contains("Rev: " + C + " (billing)\nParent: " + A + "\nBranch names: billing\n")
        .contains("Rev: " + D + "\nParent: " + B + "\n")
        .contains("Path: versions/d4d4d4d4d4d4_apartment_titles.sql")
        .doesNotContain("(current)");
    assertThat(lines(ok("current").out())).containsExactlyInAnyOrder(C + " (billing)", D);
  }

  @Test
  void checkExitsOneWhilePendingAndZeroAtHead() {
    CliRun pending = p.run("check");
    assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(1);
    assertThat(pending.err()).contains("7 migrations are pending").contains("hint:");

    ok("upgrade", E);
    CliRun two = p.run("check");
    assertThat(two.exitCode()).as(two.toString()).isEqualTo(1);
    assertThat(two.err()).contains("2 migrations are pending: " + F + ", " + G);

    ok("upgrade", "head");
    assertThat(ok("check").out()).contains("nothing is pending");
  }

  @Test
  void labelTargets() {
    ok("upgrade", "billing");
    assertThat(p.versionRows()).containsExactly(C);
    assertThat(p.tableExists("public.apartments")).isFalse();

    ok("upgrade", "billing@head");
    assertThat(p.versionRows()).containsExactly(G); // billing's head is past the merge

    // a new branch from base, with a label, then its own label@head
    CliRun rev = ok("revision", "-m", "audit log", "--head", "base", "--branch-label", "audit",
        "--rev-id", "0a0a0a0a0a0a");
    assertThat(rev.out()).contains("0a0a0a0a0a0a_audit_log.sql");
    String audit = Project.read(p.versions().resolve("0a0a0a0a0a0a_audit_log.sql"));
    assertThat(audit).contains("-- down_revision: none").contains("-- branch_labels: audit");
    assertThat(lines(ok("heads").out())).containsExactlyInAnyOrder(G + " (head)", "0a0a0a0a0a0a (audit) (head)");

    CliRun next = ok("revision", "-m", "audit table", "--head", "audit@head", "--rev-id", "0b0b0b0b0b0b");
    assertThat(next.out()).contains("0b0b0b0b0b0b_audit_table.sql");
    assertThat(Project.read(p.versions().resolve("0b0b0b0b0b0b_audit_table.sql")))
        .contains("-- down_revision: 0a0a0a0a0a0a");

    ok("upgrade", "audit@head");
    assertThat(p.versionRows()).containsExactly("0b0b0b0b0b0b", G);
    assertThat(lines(ok("current").out())).containsExactlyInAnyOrder("0b0b0b0b0b0b (head)", G + " (head)");

    ok("downgrade", "audit@base");
    assertThat(p.versionRows()).containsExactly(G);
  }

  @Test
  void revisionDependsOnRunsTheDependencyFirstEndToEnd() {
    Project q = Project.create(tmp.resolve("q"));
    copyGraph(q, E, F, G);
    // on the apartments branch, but needing billing's invoices table
    CliRun rev = q.run("revision", "-m", "apartment invoices", "--head", D, "--depends-on", "billing",
        "--rev-id", "0d0d0d0d0d0d");
    assertThat(rev.exitCode()).as(rev.toString()).isZero();
    Path file = q.versions().resolve("0d0d0d0d0d0d_apartment_invoices.sql");
    String text = Project.read(file);
    assertThat(text).contains("-- down_revision: " + D).contains("-- depends_on: billing");
    Project.write(file, text.replaceFirst("-- \\+upgrade\n", "-- +upgrade\n"
        + "CREATE VIEW apartment_invoices AS SELECT i.* FROM invoices i JOIN apartments a ON a.owner_id = i.user_id;\n")
        .replaceFirst("-- \\+downgrade\n", "-- +downgrade\nDROP VIEW apartment_invoices;\n"));

    CliRun up = q.run("upgrade", "0d0d0d0d0d0d");

    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(q.tableExists("public.invoices")).isTrue();
    assertThat(q.tableExists("public.apartment_invoices")).isTrue();
    // Alembic's bookkeeping: the dependency's row is absorbed, one row remains
    assertThat(q.versionRows()).containsExactly("0d0d0d0d0d0d");
    CliRun show = q.run("show", "0d0d");
    assertThat(show.out()).contains("Depends on: " + C);
  }
}
