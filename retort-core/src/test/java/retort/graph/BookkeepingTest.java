package retort.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The version-table change each step makes, as the planner reports it and the runner writes it: one
 * row per branch tip, Alembic's rules, and never an ancestor written beside its descendant.
 */
class BookkeepingTest {

  private static Revision rev(String id, String... down) {
    return Revision.of(id, down);
  }

  private static Revision depending(String id, List<String> dependsOn, String... down) {
    return new Revision(id, List.of(down), dependsOn, Set.of(), id);
  }

  private static RevisionGraph graph(Revision... revisions) {
    return RevisionGraph.of(List.of(revisions));
  }

  /** The one step of a single-step plan, checked to be that revision in that direction. */
  private static VersionChange onlyChange(Plan plan, String id) {
    assertThat(plan.steps()).extracting(s -> s.revision().id()).containsExactly(id);
    return plan.steps().get(0).change();
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  /** a; b(a); c(a); m(b, c) */
  private static final RevisionGraph MERGE = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"));

  @Test
  void upgradingABaseInsertsItsRow() {
    Plan plan = new Planner(MERGE).upgrade(List.of(), "a");

    VersionChange change = onlyChange(plan, "a");
    assertThat(change.inserts()).containsExactly("a");
    assertThat(change.deletes()).isEmpty();
    assertThat(change.hasUpdate()).isFalse();
    assertThat(plan.rowsAfter()).containsExactly("a");
  }

  @Test
  void upgradingAChildUpdatesItsParentsRow() {
    VersionChange change = onlyChange(new Planner(MERGE).upgrade(List.of("a"), "b"), "b");

    assertThat(change.hasUpdate()).isTrue();
    assertThat(change.updateFrom()).isEqualTo("a");
    assertThat(change.updateTo()).isEqualTo("b");
    assertThat(change.inserts()).isEmpty();
    assertThat(change.deletes()).isEmpty();
  }

  @Test
  void upgradingASecondBranchInsertsANewRow() {
    Plan plan = new Planner(MERGE).upgrade(List.of("b"), "c");

    VersionChange change = onlyChange(plan, "c");
    assertThat(change.inserts()).containsExactly("c");
    assertThat(change.hasUpdate()).isFalse();
    assertThat(sorted(plan.rowsAfter())).containsExactly("b", "c");
  }

  @Test
  void upgradingASecondBaseInsertsANewRow() {
    RevisionGraph graph = graph(rev("a"), rev("x"));

    VersionChange change = onlyChange(new Planner(graph).upgrade(List.of("a"), "x"), "x");

    assertThat(change.inserts()).containsExactly("x");
  }

  @Test
  void mergeDeletesOneParentRowAndUpdatesTheOther() {
    Plan plan = new Planner(MERGE).upgrade(List.of("b", "c"), "m");

    VersionChange change = onlyChange(plan, "m");
    assertThat(change.deletes()).hasSize(1);
    assertThat(change.updateTo()).isEqualTo("m");
    assertThat(List.of(change.deletes().get(0), change.updateFrom())).containsExactlyInAnyOrder("b", "c");
    assertThat(change.inserts()).isEmpty();
    assertThat(plan.rowsAfter()).containsExactly("m");
  }

  @Test
  void threeWayMergeDeletesTwoRows() {
    RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "a"), rev("d", "a"), rev("m", "b", "c", "d"));

    VersionChange change = onlyChange(new Planner(graph).upgrade(List.of("b", "c", "d"), "m"), "m");

    assertThat(change.deletes()).hasSize(2);
    assertThat(change.updateTo()).isEqualTo("m");
    assertThat(Set.of(change.deletes().get(0), change.deletes().get(1), change.updateFrom()))
        .containsExactlyInAnyOrder("b", "c", "d");
  }

  @Test
  void unmergeInsertsTheParentRowsBack() {
    Plan plan = new Planner(MERGE).downgrade(List.of("m"), "b");

    VersionChange change = onlyChange(plan, "m");
    assertThat(change.updateFrom()).isEqualTo("m");
    assertThat(change.inserts()).hasSize(1);
    assertThat(List.of(change.inserts().get(0), change.updateTo())).containsExactlyInAnyOrder("b", "c");
    assertThat(change.deletes()).isEmpty();
    assertThat(sorted(plan.rowsAfter())).containsExactly("b", "c");
  }

  @Test
  void downgradeUpdatesTheRowToTheParentWhenNoOtherRowCoversIt() {
    VersionChange change = onlyChange(new Planner(MERGE).downgrade(List.of("b"), "a"), "b");

    assertThat(change.updateFrom()).isEqualTo("b");
    assertThat(change.updateTo()).isEqualTo("a");
  }

  @Test
  void downgradeDeletesTheRowWhenAnotherRowCoversTheParent() {
    Plan plan = new Planner(MERGE).downgrade(List.of("b", "c"), "a");

    assertThat(plan.steps()).hasSize(2);
    VersionChange first = plan.steps().get(0).change();
    VersionChange second = plan.steps().get(1).change();
    // The first branch undone leaves a to the other branch's row: delete.
    assertThat(first.deletes()).hasSize(1);
    assertThat(first.hasUpdate()).isFalse();
    // The last one is the only row left: update to a.
    assertThat(second.updateTo()).isEqualTo("a");
    assertThat(plan.rowsAfter()).containsExactly("a");
  }

  @Test
  void downgradingABaseDeletesItsRow() {
    VersionChange change = onlyChange(new Planner(MERGE).downgrade(List.of("a"), "base"), "a");

    assertThat(change.deletes()).containsExactly("a");
    assertThat(change.inserts()).isEmpty();
    assertThat(change.hasUpdate()).isFalse();
  }

  /** a - b; x - y, y depends on b */
  private static final RevisionGraph DEPENDS =
      graph(rev("a"), rev("b", "a"), rev("x"), depending("y", List.of("b"), "x"));

  @Test
  void dependsOnAbsorbsTheDependencysRow() {
    Plan plan = new Planner(DEPENDS).upgrade(List.of("b", "x"), "y");

    VersionChange change = onlyChange(plan, "y");
    assertThat(change.deletes()).hasSize(1);
    assertThat(List.of(change.deletes().get(0), change.updateFrom())).containsExactlyInAnyOrder("b", "x");
    assertThat(change.updateTo()).isEqualTo("y");
    assertThat(plan.rowsAfter()).containsExactly("y");
  }

  @Test
  void undoingADependentRestoresTheDependencysRow() {
    Plan plan = new Planner(DEPENDS).downgrade(List.of("y"), "x");

    VersionChange change = onlyChange(plan, "y");
    assertThat(change.inserts()).hasSize(1);
    assertThat(sorted(plan.rowsAfter())).containsExactly("b", "x");
  }

  @Test
  void dependencyAlreadyNeededByAParentIsNotAbsorbedTwice() {
    // d follows m and depends on b, which m already follows: d's upgrade is a plain update.
    RevisionGraph graph = graph(
        rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"), depending("d", List.of("b"), "m"));

    VersionChange change = onlyChange(new Planner(graph).upgrade(List.of("m"), "d"), "d");

    assertThat(change.updateFrom()).isEqualTo("m");
    assertThat(change.updateTo()).isEqualTo("d");
    assertThat(change.deletes()).isEmpty();
  }

  @Test
  void downgradeOfARevisionThatBranchesOffAnAppliedRowDeletesIt() {
    // z (a base) depends on m; after m is covered by z, undoing d deletes d's row.
    RevisionGraph graph = graph(
        rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c"), rev("d", "m"),
        depending("z", List.of("m")));

    Plan plan = new Planner(graph).downgrade(List.of("d", "z"), "m");

    VersionChange change = onlyChange(plan, "d");
    assertThat(change.deletes()).containsExactly("d");
    assertThat(plan.rowsAfter()).containsExactly("z");
  }

  @Test
  void undoingAMergeOfARevisionAndItsAncestorRestoresOnlyTheDescendant() {
    // m(b, c) where c follows b: Alembic writes b beside c; Retort writes c alone.
    RevisionGraph graph = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("m", "b", "c"));

    Plan plan = new Planner(graph).downgrade(List.of("m"), "c");

    VersionChange change = onlyChange(plan, "m");
    assertThat(change.inserts()).isEmpty();
    assertThat(change.updateFrom()).isEqualTo("m");
    assertThat(change.updateTo()).isEqualTo("c");
    assertThat(plan.rowsAfter()).containsExactly("c");
  }

  @Test
  void undoingADependsOnWhoseDependencyLiesBelowTheParentRestoresOnlyTheParent() {
    // a - b - c; x depends on c; y follows x and depends on a (below c): undoing y leaves x alone.
    RevisionGraph graph = graph(
        rev("a"), rev("b", "a"), rev("c", "b"), depending("x", List.of("c")), depending("y", List.of("a"), "x"));

    Plan plan = new Planner(graph).downgrade(List.of("y"), "x");

    assertThat(plan.rowsAfter()).containsExactly("x");
    assertThat(graph.applied(plan.rowsAfter())).extracting(Revision::id)
        .containsExactlyInAnyOrder("a", "b", "c", "x");
  }

  @Test
  void rowsNeverHoldAnAncestorBesideItsDescendantAfterAnyStep() {
    RevisionGraph graph = graph(
        rev("a"), rev("b", "a"), rev("c", "b"), depending("x", List.of("c")), depending("y", List.of("a"), "x"));
    Plan plan = new Planner(graph).downgrade(List.of("y"), "b");

    Bookkeeping book = new Bookkeeping(graph, plan.rowsBefore());
    for (Step step : plan.steps()) {
      book.apply(graph.indexOf(step.revision().id()), step.direction());
      List<String> rows = book.rows();
      for (String row : rows) {
        for (String other : rows) {
          if (!row.equals(other)) {
            assertThat(graph.applied(List.of(other))).extracting(Revision::id)
                .as("after %s, row %s beside %s", step.revision().id(), row, other)
                .doesNotContain(row);
          }
        }
      }
    }
    assertThat(book.rows()).containsExactly("b");
  }

  @Test
  void applyReturnsTheSameChangeThePlanReports() {
    Plan plan = new Planner(MERGE).upgrade(List.of(), "m");
    Bookkeeping book = new Bookkeeping(MERGE, List.of());

    for (Step step : plan.steps()) {
      assertThat(book.apply(MERGE.indexOf(step.revision().id()), step.direction())).isEqualTo(step.change());
    }
    assertThat(book.rows()).containsExactlyElementsOf(plan.rowsAfter());
  }
}
