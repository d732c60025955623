package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BranchMergeTest {

  static final String A = "aaaaaaaaaaa1";
  static final String B = "bbbbbbbbbbb2";
  static final String C = "ccccccccccc3";
  static final String D = "ddddddddddd4";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.table(A, null, "users");
    p.table(B, A, "apartments");
    p.table(C, A, "payments");
  }

  @Test
  void upgradeHeadsAppliesBothBranchesAndAMergeLeavesOneRow() {
    CliRun r = p.run("upgrade", "heads");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Upgraded 3 revisions");
    assertThat(p.versionRows()).containsExactly(B, C);
    assertThat(p.tableExists("public.apartments")).isTrue();
    assertThat(p.tableExists("public.payments")).isTrue();

    CliRun current = p.run("current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(CurrentHistoryHeadsTest.lines(current.out()))
        .hasSize(2)
        .anySatisfy(l -> assertThat(l).startsWith(B + " (head)"))
        .anySatisfy(l -> assertThat(l).startsWith(C + " (head)"));

    p.migration(D, B + ", " + C, "merge", "CREATE TABLE merged (id int);", "DROP TABLE merged;");

    CliRun merge = p.run("upgrade", "head");
    assertThat(merge.exitCode()).as(merge.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(D);
    assertThat(p.tableExists("public.merged")).isTrue();
    assertThat(p.logRows()).last().isEqualTo(D + " upgrade applied");

    CliRun after = p.run("current");
    assertThat(CurrentHistoryHeadsTest.lines(after.out())).singleElement().asString()
        .startsWith(D + " (head)").contains("(mergepoint)");

    CliRun history = p.run("history");
    assertThat(CurrentHistoryHeadsTest.lines(history.out())).first()
        .isEqualTo(B + ", " + C + " -> " + D + " (head) (current) (mergepoint), merge");
    assertThat(history.out()).contains(A + " (branchpoint)");
  }

  @Test
  void downgradeMinusOneFromAMergeIsAmbiguousAsInAlembic() {
    p.migration(D, B + ", " + C, "merge", "CREATE TABLE merged (id int);", "DROP TABLE merged;");
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    int log = p.logRows().size();

    CliRun r = p.run("downgrade", "-1");

    // Alembic refuses too ("Ambiguous walk"): the merge has two parents
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains(D).contains(B).contains(C);
    assertThat(p.versionRows()).containsExactly(D);
    assertThat(p.tableExists("public.merged")).isTrue();
    assertThat(p.logRows()).hasSize(log);
  }

  @Test
  void downgradeFromTheMergeToOneParentRestoresBothBranchRows() {
    p.migration(D, B + ", " + C, "merge", "CREATE TABLE merged (id int);", "DROP TABLE merged;");
    assertThat(p.run("upgrade", "head").exitCode()).isZero();
    assertThat(p.versionRows()).containsExactly(D);

    CliRun r = p.run("downgrade", B);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B, C);
    assertThat(p.tableExists("public.merged")).isFalse();
  }

  @Test
  void upgradeOneBranchThenTheOther() {
    CliRun r = p.run("upgrade", B);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B);
    assertThat(p.tableExists("public.payments")).isFalse();

    CliRun other = p.run("upgrade", C);
    assertThat(other.exitCode()).as(other.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(B, C);
  }

  @Test
  void downgradeOneBranchKeepsTheOther() {
    assertThat(p.run("upgrade", "heads").exitCode()).isZero();

    CliRun r = p.run("downgrade", A);

    // Alembic: downgrade to A undoes A's descendants, i.e. both branches
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly(A);
    assertThat(p.tableExists("public.apartments")).isFalse();
    assertThat(p.tableExists("public.payments")).isFalse();
  }

  @Test
  void branchLabelTargetsOneBranch() {
    p.file("eeeeeeeeeee5_billing.sql", """
        -- revision: eeeeeeeeeee5
        -- down_revision: none
        -- message: billing
        -- branch_labels: billing
        -- +upgrade
        CREATE TABLE invoices (id int);
        -- +downgrade
        DROP TABLE invoices;
        """);

    CliRun r = p.run("upgrade", "billing@head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(p.versionRows()).containsExactly("eeeeeeeeeee5");
    assertThat(p.tableExists("public.invoices")).isTrue();
    assertThat(p.tableExists("public.users")).isFalse();

    CliRun rev = p.run("revision", "-m", "tax", "--head", "billing@head", "--rev-id", "fffffffffff6");
    assertThat(rev.exitCode()).as(rev.toString()).isZero();
    assertThat(Project.read(p.versions().resolve("fffffffffff6_tax.sql"))).contains("-- down_revision: eeeeeeeeeee5");

    CliRun history = p.run("history");
    assertThat(history.out()).contains("eeeeeeeeeee5 (billing)");
  }
}
