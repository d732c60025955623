package retort.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PlannerTest {

  private static Revision rev(String id, String... down) {
    return Revision.of(id, down);
  }

  private static Revision labelled(String id, String label, String... down) {
    return new Revision(id, List.of(down), List.of(), Set.of(label), id);
  }

  private static Planner planner(Revision... revisions) {
    return new Planner(RevisionGraph.of(List.of(revisions)));
  }

  private static List<String> steps(Plan plan) {
    return plan.steps().stream().map(s -> s.revision().id()).toList();
  }

  private static List<String> rowsAfter(Plan plan) {
    return plan.rowsAfter().stream().sorted().toList();
  }

  /** a - b - c - d - e */
  private static final Planner LINEAR =
      planner(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("e", "d"));

  /** a; b(a) - b1(b); c(a) */
  private static final Planner TWO_BRANCHES = planner(rev("a"), rev("b", "a"), rev("b1", "b"), rev("c", "a"));

  @Nested
  class TargetNames {

    @Test
    void headOnALinearGraphUpgradesEverything() {
      Plan plan = LINEAR.upgrade(List.of(), "head");

      assertThat(steps(plan)).containsExactly("a", "b", "c", "d", "e");
      assertThat(plan.rowsAfter()).containsExactly("e");
      assertThat(plan.rowsBefore()).isEmpty();
    }

    @Test
    void headWithTwoHeadsIsRefusedNamingBothHeads() {
      GraphException.MultipleHeads e = catchThrowableOfType(
          GraphException.MultipleHeads.class, () -> TWO_BRANCHES.upgrade(List.of(), "head"));

      assertThat(e.heads()).containsExactlyInAnyOrder("b1", "c");
      assertThat(e.argument()).isEqualTo("head");
      assertThat(e).hasMessageContaining("b1").hasMessageContaining("c");
    }

    @Test
    void headsUpgradesEveryBranchToItsTip() {
      Plan plan = TWO_BRANCHES.upgrade(List.of(), "heads");

      assertThat(steps(plan)).containsExactlyInAnyOrder("a", "b", "b1", "c");
      assertThat(rowsAfter(plan)).containsExactly("b1", "c");
    }

    @Test
    void baseAsDowngradeTargetUndoesEverythingNewestFirst() {
      Plan plan = LINEAR.downgrade(List.of("e"), "base");

      assertThat(steps(plan)).containsExactly("e", "d", "c", "b", "a");
      assertThat(plan.rowsAfter()).isEmpty();
    }

    @Test
    void baseAsUpgradeTargetDoesNothing() {
      assertThat(LINEAR.upgrade(List.of(), "base").isEmpty()).isTrue();
      assertThat(LINEAR.upgrade(List.of("c"), "base").rowsAfter()).containsExactly("c");
    }

    @Test
    void fullIdUpgradesToThatRevision() {
      Plan plan = LINEAR.upgrade(List.of("a"), "c");

      assertThat(steps(plan)).containsExactly("b", "c");
      assertThat(plan.rowsAfter()).containsExactly("c");
    }

    @Test
    void uniquePrefixNamesItsRevision() {
      Planner planner = planner(rev("1a2b3c4d"), rev("1a2bffff", "1a2b3c4d"), rev("9f9f9f9f", "1a2bffff"));

      assertThat(planner.upgrade(List.of(), "1a2b3").rowsAfter()).containsExactly("1a2b3c4d");
      assertThat(planner.upgrade(List.of(), "9f9f").rowsAfter()).containsExactly("9f9f9f9f");
      assertThatThrownBy(() -> planner.upgrade(List.of(), "1a2b"))
          .isInstanceOf(GraphException.AmbiguousRevision.class);
      assertThatThrownBy(() -> planner.upgrade(List.of(), "9f9"))
          .isInstanceOf(GraphException.UnknownRevision.class);
    }

    @Test
    void plusNUpgradesThatManyStepsFromTheCurrentRow() {
      Plan plan = LINEAR.upgrade(List.of("b"), "+2");

      assertThat(steps(plan)).containsExactly("c", "d");
      assertThat(plan.rowsAfter()).containsExactly("d");
    }

    @Test
    void plusNFromAnEmptyDatabaseStartsAtTheBase() {
      assertThat(LINEAR.upgrade(List.of(), "+1").rowsAfter()).containsExactly("a");
    }

    @Test
    void plusNBeyondTheHeadIsRefused() {
      assertThatThrownBy(() -> LINEAR.upgrade(List.of("c"), "+5"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("+5");
    }

    @Test
    void plusNFromSeveralRowsIsRefused() {
      assertThatThrownBy(() -> TWO_BRANCHES.upgrade(List.of("b", "c"), "+1"))
          .isInstanceOf(GraphException.MultipleHeads.class);
    }

    @Test
    void plusNAcrossABranchPointIsRefusedNamingTheChildren() {
      assertThatThrownBy(() -> TWO_BRANCHES.upgrade(List.of("a"), "+1"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("b")
          .hasMessageContaining("c");
    }

    @Test
    void minusNDowngradesThatManyStepsFromTheCurrentRow() {
      Plan plan = LINEAR.downgrade(List.of("d"), "-2");

      assertThat(steps(plan)).containsExactly("d", "c");
      assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void minusNDownToBaseEmptiesTheTable() {
      assertThat(LINEAR.downgrade(List.of("b"), "-2").rowsAfter()).isEmpty();
    }

    @Test
    void minusNBelowTheBaseIsRefused() {
      assertThatThrownBy(() -> LINEAR.downgrade(List.of("b"), "-3"))
          .isInstanceOf(GraphException.InvalidTarget.class);
    }

    @Test
    void minusNOnAnEmptyDatabaseIsRefused() {
      assertThatThrownBy(() -> LINEAR.downgrade(List.of(), "-1"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("base");
    }

    @Test
    void minusNWithSeveralCurrentHeadsIsRefusedNamingThem() {
      GraphException.MultipleHeads e = catchThrowableOfType(
          GraphException.MultipleHeads.class, () -> TWO_BRANCHES.downgrade(List.of("b1", "c"), "-1"));

      assertThat(e.heads()).containsExactlyInAnyOrder("b1", "c");
    }

    @Test
    void minusNAcrossAMergeIsRefused() {
      Planner merge = planner(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));

      assertThatThrownBy(() -> merge.downgrade(List.of("m"), "-1"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("parents");
    }

    @Test
    void upgradeCannotGoDownAndDowngradeCannotGoUp() {
      assertThatThrownBy(() -> LINEAR.upgrade(List.of("c"), "-1")).isInstanceOf(GraphException.InvalidTarget.class);
      assertThatThrownBy(() -> LINEAR.downgrade(List.of("c"), "+1")).isInstanceOf(GraphException.InvalidTarget.class);
    }

    @Test
    void revPlusNCountsFromTheNamedRevision() {
      Plan plan = LINEAR.upgrade(List.of(), "b+2");

      assertThat(steps(plan)).containsExactly("a", "b", "c", "d");
      assertThat(plan.rowsAfter()).containsExactly("d");
    }

    @Test
    void revMinusNCountsFromTheNamedRevision() {
      Plan plan = LINEAR.downgrade(List.of("e"), "e-2");

      assertThat(steps(plan)).containsExactly("e", "d");
      assertThat(plan.rowsAfter()).containsExactly("c");
    }

    @Test
    void revMinusNAsAnUpgradeTargetWorksToo() {
      assertThat(LINEAR.upgrade(List.of(), "c-1").rowsAfter()).containsExactly("b");
    }

    @Test
    void revMinusNThatReachesBaseIsANoOpUpgrade() {
      Plan plan = LINEAR.upgrade(List.of("b"), "a-1");

      assertThat(plan.isEmpty()).isTrue();
      assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void headAndBaseCanBeTheStartOfARelativeTarget() {
      assertThat(LINEAR.upgrade(List.of(), "head-1").rowsAfter()).containsExactly("d");
      assertThat(LINEAR.upgrade(List.of("a"), "head+0").rowsAfter()).containsExactly("e");
      assertThat(LINEAR.downgrade(List.of("e"), "base+1").rowsAfter()).containsExactly("a");
      assertThatThrownBy(() -> TWO_BRANCHES.upgrade(List.of(), "head-1"))
          .isInstanceOf(GraphException.MultipleHeads.class);
    }

    @Test
    void labelAtHeadUpgradesThatBranchOnly() {
      Planner labels = planner(rev("a"), labelled("b", "core", "a"), labelled("c", "feature", "a"), rev("d", "c"));

      Plan plan = labels.upgrade(List.of(), "feature@head");

      assertThat(steps(plan)).containsExactly("a", "c", "d");
      assertThat(plan.rowsAfter()).containsExactly("d");
      assertThat(rowsAfter(labels.upgrade(List.of("d"), "core@head"))).containsExactly("b", "d");
    }

    @Test
    void labelAtPlusNStepsAlongThatBranch() {
      Planner labels = planner(rev("a"), labelled("b", "core", "a"), labelled("c", "feature", "a"), rev("d", "c"));

      assertThat(rowsAfter(labels.upgrade(List.of("b"), "feature@+1"))).containsExactly("b", "c");
      assertThat(rowsAfter(labels.downgrade(List.of("b", "d"), "feature@-1"))).containsExactly("b", "c");
    }

    @Test
    void labelAtARevisionOffThatBranchIsRefused() {
      Planner labels = planner(rev("a"), labelled("b", "core", "a"), labelled("c", "feature", "a"), rev("d", "c"));

      assertThatThrownBy(() -> labels.upgrade(List.of(), "core@d"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("core");
    }

    @Test
    void unknownTargetIsReportedWithItsName() {
      GraphException.UnknownRevision e = catchThrowableOfType(
          GraphException.UnknownRevision.class, () -> LINEAR.upgrade(List.of(), "zzzz"));

      assertThat(e.name()).isEqualTo("zzzz");
    }

    @Test
    void rowNoFileDeclaresIsReported() {
      GraphException.UnknownApplied e = catchThrowableOfType(
          GraphException.UnknownApplied.class, () -> LINEAR.upgrade(List.of("f00f"), "head"));

      assertThat(e.id()).isEqualTo("f00f");
    }

    @Test
    void resolveListsTheRevisionsATargetNames() {
      assertThat(TWO_BRANCHES.resolve(List.of(), "heads")).extracting(Revision::id)
          .containsExactlyInAnyOrder("b1", "c");
      assertThat(LINEAR.resolve(List.of("b"), "+1")).extracting(Revision::id).containsExactly("c");
    }

    @Test
    void destinationIsEmptyForBaseAndTheRevisionOtherwise() {
      assertThat(LINEAR.destination(List.of("e"), "base")).isEmpty();
      assertThat(LINEAR.destination(List.of("e"), "-2")).map(Revision::id).contains("c");
    }
  }

  @Nested
  class Upgrades {

    /** a; b(a) - c(b); d(a) - e(d); m(c, e) - n(m); x(a) */
    private final Planner branchy = planner(
        rev("n", "m"), rev("m", "c", "e"), rev("x", "a"), rev("e", "d"), rev("c", "b"),
        rev("d", "a"), rev("b", "a"), rev("a"));

    @Test
    void runsEveryRevisionAfterItsParents() {
      Plan plan = branchy.upgrade(List.of(), "heads");

      List<String> order = steps(plan);
      assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d", "e", "m", "n", "x");
      for (Step step : plan.steps()) {
        for (String parent : step.revision().downRevisions()) {
          assertThat(order.indexOf(parent)).as("%s before %s", parent, step.revision().id())
              .isLessThan(order.indexOf(step.revision().id()));
        }
      }
      assertThat(rowsAfter(plan)).containsExactly("n", "x");
      assertThat(plan.steps()).allMatch(Step::isUpgrade);
    }

    @Test
    void runsOnlyTheMissingAncestorsOfTheTarget() {
      Plan plan = branchy.upgrade(List.of("c", "x"), "n");

      assertThat(steps(plan)).containsExactlyInAnyOrder("d", "e", "m", "n");
      assertThat(steps(plan).indexOf("m")).isGreaterThan(steps(plan).indexOf("e"));
      assertThat(rowsAfter(plan)).containsExactly("n", "x");
    }

    @Test
    void upgradeToAnAlreadyAppliedRevisionIsEmpty() {
      Plan plan = branchy.upgrade(List.of("n"), "c");

      assertThat(plan.isEmpty()).isTrue();
      assertThat(plan.rowsAfter()).containsExactly("n");
    }

    @Test
    void upgradeRunsDependenciesBeforeTheRevisionThatNeedsThem() {
      Planner planner = planner(
          rev("a"), rev("b", "a"), rev("x"),
          new Revision("y", List.of("x"), List.of("b"), Set.of(), "y"));

      Plan plan = planner.upgrade(List.of(), "y");

      assertThat(steps(plan)).containsExactlyInAnyOrder("a", "b", "x", "y");
      assertThat(steps(plan).indexOf("b")).isLessThan(steps(plan).indexOf("y"));
      assertThat(plan.rowsAfter()).containsExactly("y");
    }

    @Test
    void readsATableThatHoldsAnAncestorBesideItsDescendant() {
      Plan plan = LINEAR.upgrade(List.of("a", "b"), "head");

      assertThat(steps(plan)).containsExactly("c", "d", "e");
      assertThat(plan.rowsAfter()).contains("e");
    }
  }

  @Nested
  class Downgrades {

    @Test
    void undoesDescendantsChildrenFirst() {
      Plan plan = LINEAR.downgrade(List.of("e"), "b");

      assertThat(steps(plan)).containsExactly("e", "d", "c");
      assertThat(plan.steps()).noneMatch(Step::isUpgrade);
      assertThat(plan.rowsAfter()).containsExactly("b");
    }

    @Test
    void leavesTheOtherBranchAtItsTip() {
      Plan plan = TWO_BRANCHES.downgrade(List.of("b1", "c"), "b");

      assertThat(steps(plan)).containsExactly("b1");
      assertThat(rowsAfter(plan)).containsExactly("b", "c");
    }

    @Test
    void toTheBranchPointUndoesBothBranches() {
      Plan plan = TWO_BRANCHES.downgrade(List.of("b1", "c"), "a");

      assertThat(steps(plan)).containsExactlyInAnyOrder("b1", "b", "c");
      assertThat(steps(plan).indexOf("b1")).isLessThan(steps(plan).indexOf("b"));
      assertThat(plan.rowsAfter()).containsExactly("a");
    }

    @Test
    void toARevisionThatIsACurrentRowIsEmpty() {
      Plan plan = TWO_BRANCHES.downgrade(List.of("b1", "c"), "c");

      assertThat(plan.isEmpty()).isTrue();
      assertThat(rowsAfter(plan)).containsExactly("b1", "c");
    }

    @Test
    void toARevisionThatIsNotAppliedIsRefused() {
      GraphException.InvalidTarget e = catchThrowableOfType(
          GraphException.InvalidTarget.class, () -> TWO_BRANCHES.downgrade(List.of("b1"), "c"));

      assertThat(e.target()).isEqualTo("c");
      assertThat(e).hasMessageContaining("b1");
    }

    @Test
    void toADescendantOfTheCurrentRowIsRefused() {
      assertThatThrownBy(() -> LINEAR.downgrade(List.of("b"), "d")).isInstanceOf(GraphException.InvalidTarget.class);
    }

    @Test
    void headWithSeveralHeadsIsRefused() {
      assertThatThrownBy(() -> TWO_BRANCHES.downgrade(List.of("b1", "c"), "head"))
          .isInstanceOf(GraphException.MultipleHeads.class);
      assertThatThrownBy(() -> TWO_BRANCHES.downgrade(List.of("b1", "c"), "heads"))
          .isInstanceOf(GraphException.MultipleHeads.class);
    }

    @Test
    void labelAtARevisionUndoesOnlyThatBranchAboveIt() {
      Planner planner = planner(
          rev("r0"), rev("r1", "r0"), labelled("l1", "left", "r1"), rev("l2", "l1"),
          labelled("q1", "right", "r1"), rev("q2", "q1"));

      Plan plan = planner.downgrade(List.of("l2", "q2"), "right@r1");

      assertThat(steps(plan)).containsExactly("q2", "q1");
      assertThat(plan.rowsAfter()).containsExactly("l2");
    }

    @Test
    void minusNFromABaseWithADependencyUndoesOnlyThatBase() {
      Planner planner = planner(
          rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"),
          new Revision("z", List.of(), List.of("m"), Set.of(), "z"));

      Plan plan = planner.downgrade(List.of("z"), "-1");

      assertThat(steps(plan)).containsExactly("z");
      assertThat(plan.rowsAfter()).containsExactly("m");
    }

    @Test
    void labelAtMinusNWithNoAppliedRevisionOnThatBranchIsRefused() {
      Planner planner = planner(rev("a"), rev("b", "a"), rev("b1", "b"), rev("c", "a"));

      assertThatThrownBy(() -> planner.downgrade(List.of("c"), "b1@-1"))
          .isInstanceOf(GraphException.InvalidTarget.class)
          .hasMessageContaining("b1");
    }

    @Test
    void undoesADependentOfAnUndoneRevisionToo() {
      Planner planner = planner(
          rev("a"), rev("b", "a"), rev("x"), new Revision("y", List.of("x"), List.of("b"), Set.of(), "y"));

      Plan plan = planner.downgrade(List.of("y"), "a");

      assertThat(steps(plan)).containsExactlyInAnyOrder("y", "b");
      assertThat(steps(plan).indexOf("y")).isLessThan(steps(plan).indexOf("b"));
      assertThat(rowsAfter(plan)).containsExactly("a", "x");
    }
  }

  @Nested
  class LargeGraphs {

    private static final int SIZE = 10_000;

    @Test
    void tenThousandRevisionChainPlansUpAndDown() {
      List<Revision> chain = new ArrayList<>(SIZE);
      chain.add(rev(id(0)));
      for (int i = 1; i < SIZE; i++) {
        chain.add(rev(id(i), id(i - 1)));
      }
      RevisionGraph graph = RevisionGraph.of(chain);
      Planner planner = new Planner(graph);

      assertThat(graph.heads()).extracting(Revision::id).containsExactly(id(SIZE - 1));
      assertThat(graph.bases()).extracting(Revision::id).containsExactly(id(0));

      Plan up = planner.upgrade(List.of(), "heads");
      assertThat(up.steps()).hasSize(SIZE);
      assertThat(up.steps().get(0).revision().id()).isEqualTo(id(0));
      assertThat(up.steps().get(SIZE - 1).revision().id()).isEqualTo(id(SIZE - 1));
      assertThat(up.rowsAfter()).containsExactly(id(SIZE - 1));

      Plan down = planner.downgrade(up.rowsAfter(), "base");
      assertThat(down.steps()).hasSize(SIZE);
      assertThat(down.steps().get(0).revision().id()).isEqualTo(id(SIZE - 1));
      assertThat(down.rowsAfter()).isEmpty();

      assertThat(planner.downgrade(up.rowsAfter(), "-5000").rowsAfter()).containsExactly(id(SIZE - 5001));
      assertThat(planner.upgrade(List.of(id(99)), id(199)).steps()).hasSize(100);
    }

    /**
     * A spine of 999 blocks, each forking into three branches of three revisions that a merge joins
     * again, over one base; plus a side branch of nine revisions off the base that stays a head:
     * 1 + 999 * 10 + 9 = 10,000 revisions, two heads.
     */
    @Test
    void tenThousandRevisionGraphWithManyBranchesAndMergesPlansUpAndDown() {
      List<Revision> revisions = new ArrayList<>(SIZE);
      int next = 0;
      String spine = id(next++);
      revisions.add(rev(spine));
      int merges = 0;
      while (next + 10 <= SIZE - 9) {
        List<String> tips = new ArrayList<>();
        for (int branch = 0; branch < 3; branch++) {
          String parent = spine;
          for (int k = 0; k < 3; k++) {
            String id = id(next++);
            revisions.add(rev(id, parent));
            parent = id;
          }
          tips.add(parent);
        }
        spine = id(next++);
        revisions.add(rev(spine, tips.toArray(String[]::new)));
        merges++;
      }
      String side = id(0);
      for (int k = 0; k < 9; k++) {
        String id = id(next++);
        revisions.add(rev(id, side));
        side = id;
      }
      assertThat(revisions).hasSize(SIZE);
      assertThat(merges).isEqualTo(999);
      java.util.Collections.reverse(revisions); // children before parents in the input

      RevisionGraph graph = RevisionGraph.of(revisions);
      Planner planner = new Planner(graph);
      assertThat(graph.heads()).extracting(Revision::id).containsExactlyInAnyOrder(spine, side);
      assertThat(graph.bases()).extracting(Revision::id).containsExactly(id(0));

      Plan up = planner.upgrade(List.of(), "heads");
      assertThat(up.steps()).hasSize(SIZE);
      assertParentsFirst(up);
      assertThat(rowsAfter(up)).containsExactlyElementsOf(List.of(spine, side).stream().sorted().toList());
      assertThat(maxRows(up)).isLessThanOrEqualTo(4);

      Plan down = planner.downgrade(up.rowsAfter(), "base");
      assertThat(down.steps()).hasSize(SIZE);
      assertThat(down.rowsAfter()).isEmpty();
      assertThat(maxRows(down)).isLessThanOrEqualTo(4);

      Plan sideOnly = planner.downgrade(up.rowsAfter(), id(0));
      assertThat(sideOnly.steps()).hasSize(SIZE - 1);
      assertThat(sideOnly.rowsAfter()).containsExactly(id(0));
    }

    private static void assertParentsFirst(Plan plan) {
      Set<String> done = new HashSet<>(plan.rowsBefore());
      for (Step step : plan.steps()) {
        assertThat(done).as("parents of %s", step.revision().id()).containsAll(step.revision().downRevisions());
        done.add(step.revision().id());
      }
    }

    /** Replays the version-table changes of a plan and returns the most rows held at once. */
    private static int maxRows(Plan plan) {
      Set<String> rows = new LinkedHashSet<>(plan.rowsBefore());
      int max = rows.size();
      for (Step step : plan.steps()) {
        VersionChange change = step.change();
        assertThat(rows).containsAll(change.deletes());
        rows.removeAll(change.deletes());
        if (change.hasUpdate()) {
          assertThat(rows).contains(change.updateFrom());
          rows.remove(change.updateFrom());
          rows.add(change.updateTo());
        }
        rows.addAll(change.inserts());
        max = Math.max(max, rows.size());
      }
      assertThat(rows).containsExactlyInAnyOrderElementsOf(plan.rowsAfter());
      return max;
    }

    private static String id(int i) {
      return String.format("%012x", 0x100000000000L + i * 7919L);
    }
  }
}
