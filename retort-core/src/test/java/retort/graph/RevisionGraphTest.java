package retort.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static Revision rev(String id, String... down) {
    return Revision.of(id, down);
  }

  private static Revision labelled(String id, String label, String... down) {
    return new Revision(id, List.of(down), List.of(), Set.of(label), id + ".sql");
  }

  private static Revision depending(String id, List<String> dependsOn, String... down) {
    return new Revision(id, List.of(down), dependsOn, Set.of(), id + ".sql");
  }

  private static Revision fromFile(String id, String file, String... down) {
    return new Revision(id, List.of(down), List.of(), Set.of(), file);
  }

  private static List<String> ids(List<Revision> revisions) {
    return revisions.stream().map(Revision::id).toList();
  }

  // ---- shape

  @Test
  void linearChainHasOneHeadAndOneBase() {
    RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "b")));

    assertThat(ids(graph.heads())).containsExactly("c");
    assertThat(ids(graph.bases())).containsExactly("a");
    assertThat(graph.size()).isEqualTo(3);
  }

  @Test
  void revisionsAreListedParentsFirstWhateverTheInputOrder() {
    RevisionGraph graph = RevisionGraph.of(List.of(rev("d", "c"), rev("c", "b"), rev("b", "a"), rev("a")));

    assertThat(ids(graph.revisions())).containsExactly("a", "b", "c", "d");
  }

  @Test
  void branchPointHasTwoChildrenAndGivesTwoHeads() {
    RevisionGraph graph = RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a")));

    assertThat(ids(graph.heads())).containsExactlyInAnyOrder("b", "c");
    assertThat(ids(graph.bases())).containsExactly("a");
    assertThat(ids(graph.childrenOf(graph.resolve("a")))).containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void mergeJoinsTwoBranchesIntoOneHead() {
    RevisionGraph graph =
        RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"), rev("m", "b", "c")));

    assertThat(ids(graph.heads())).containsExactly("m");
    assertThat(ids(graph.bases())).containsExactly("a");
    assertThat(graph.resolve("m").downRevisions()).containsExactly("b", "c");
    assertThat(ids(graph.childrenOf(graph.resolve("b")))).containsExactly("m");
    assertThat(ids(graph.childrenOf(graph.resolve("c")))).containsExactly("m");
  }

  @Test
  void twoIndependentRootsAreTwoBases() {
    RevisionGraph graph = RevisionGraph.of(
        List.of(rev("a"), rev("b", "a"), rev("x"), rev("y", "x"), rev("m", "b", "y")));

    assertThat(ids(graph.bases())).containsExactlyInAnyOrder("a", "x");
    assertThat(ids(graph.heads())).containsExactly("m");
  }

  @Test
  void dependsOnDoesNotMakeAChildSoBothEndsStayHeads() {
    RevisionGraph graph = RevisionGraph.of(
        List.of(rev("a"), rev("b", "a"), rev("x"), depending("y", List.of("b"), "x")));

    assertThat(ids(graph.heads())).containsExactlyInAnyOrder("b", "y");
    assertThat(ids(graph.bases())).containsExactlyInAnyOrder("a", "x");
  }

  @Test
  void emptyGraphHasNoHeadsAndNoBases() {
    RevisionGraph graph = RevisionGraph.of(List.of());

    assertThat(graph.heads()).isEmpty();
    assertThat(graph.bases()).isEmpty();
  }

  @Test
  void appliedSetIsTheAncestorClosureOfTheRowsDependenciesIncluded() {
    RevisionGraph graph = RevisionGraph.of(
        List.of(rev("a"), rev("b", "a"), rev("c", "b"), rev("x"), depending("y", List.of("b"), "x")));

    assertThat(ids(graph.applied(List.of("y")))).containsExactlyInAnyOrder("a", "b", "x", "y");
    assertThat(ids(graph.applied(List.of("c")))).containsExactlyInAnyOrder("a", "b", "c");
    assertThat(graph.applied(List.of())).isEmpty();
  }

  @Test
  void appliedWithARowNoFileDeclaresNamesTheRow() {
    RevisionGraph graph = RevisionGraph.of(List.of(rev("a")));

    GraphException.UnknownApplied e = catchThrowableOfType(
        GraphException.UnknownApplied.class, () -> graph.applied(List.of("zzzz")));

    assertThat(e.id()).isEqualTo("zzzz");
    assertThat(e).hasMessageContaining("zzzz");
  }

  @Test
  void betweenListsTheRevisionsFromLowerToUpperNewestFirst() {
    RevisionGraph graph = RevisionGraph.of(
        List.of(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "c"), rev("x", "a")));

    assertThat(ids(graph.between(graph.resolve("b"), List.of(graph.resolve("d")))))
        .containsExactly("d", "c", "b");
    assertThat(ids(graph.between(null, List.of(graph.resolve("c"))))).containsExactly("c", "b", "a");
  }

  // ---- errors with data

  @Test
  void duplicateIdListsEveryFileThatDeclaresIt() {
    List<Revision> revisions = List.of(
        fromFile("a", "versions/a_first.sql"),
        fromFile("b", "versions/b.sql", "a"),
        fromFile("a", "versions/a_second.sql"));

    GraphException.DuplicateRevision e = catchThrowableOfType(
        GraphException.DuplicateRevision.class, () -> RevisionGraph.of(revisions));

    assertThat(e.id()).isEqualTo("a");
    assertThat(e.sources()).containsExactly("versions/a_first.sql", "versions/a_second.sql");
    assertThat(e).hasMessageContaining("versions/a_first.sql").hasMessageContaining("versions/a_second.sql");
  }

  @Test
  void missingParentNamesTheFileAndTheMissingRevision() {
    List<Revision> revisions = List.of(fromFile("a", "versions/a.sql"), fromFile("b", "versions/b.sql", "q"));

    GraphException.MissingRevision e = catchThrowableOfType(
        GraphException.MissingRevision.class, () -> RevisionGraph.of(revisions));

    assertThat(e.source()).isEqualTo("versions/b.sql");
    assertThat(e.missing()).isEqualTo("q");
    assertThat(e).hasMessageContaining("down_revision");
  }

  @Test
  void missingDependsOnNamesTheFileAndTheMissingRevision() {
    List<Revision> revisions = List.of(rev("a"), depending("b", List.of("q"), "a"));

    GraphException.MissingRevision e = catchThrowableOfType(
        GraphException.MissingRevision.class, () -> RevisionGraph.of(revisions));

    assertThat(e.source()).isEqualTo("b.sql");
    assertThat(e.missing()).isEqualTo("q");
    assertThat(e).hasMessageContaining("depends_on");
  }

  @Test
  void cycleListsTheFilesOnTheCycleAndNotTheRevisionsHangingOffIt() {
    List<Revision> revisions = List.of(
        fromFile("r", "versions/r.sql"),
        fromFile("d", "versions/d.sql", "c"),
        fromFile("a", "versions/a.sql", "c"),
        fromFile("b", "versions/b.sql", "a"),
        fromFile("c", "versions/c.sql", "b"));

    GraphException.Cycle e = catchThrowableOfType(GraphException.Cycle.class, () -> RevisionGraph.of(revisions));

    assertThat(e.sources()).doesNotContain("versions/r.sql", "versions/d.sql");
    assertThat(Set.copyOf(e.sources())).containsExactlyInAnyOrder("versions/a.sql", "versions/b.sql", "versions/c.sql");
    assertThat(e.sources().get(0)).isEqualTo(e.sources().get(e.sources().size() - 1));
    assertThat(e.sources()).hasSize(4);
  }

  @Test
  void revisionThatIsItsOwnParentIsACycle() {
    GraphException.Cycle e = catchThrowableOfType(
        GraphException.Cycle.class, () -> RevisionGraph.of(List.of(rev("a", "a"))));

    assertThat(e.sources()).containsExactly("a", "a");
  }

  @Test
  void cycleThroughADependsOnIsACycle() {
    List<Revision> revisions = List.of(depending("a", List.of("b")), rev("b", "a"));

    GraphException.Cycle e = catchThrowableOfType(GraphException.Cycle.class, () -> RevisionGraph.of(revisions));

    assertThat(Set.copyOf(e.sources())).containsExactlyInAnyOrder("a.sql", "b");
  }

  @Test
  void cycleThroughADependsOnNamingABranchLabelIsACycle() {
    List<Revision> revisions = List.of(depending("a", List.of("feature")), labelled("b", "feature", "a"));

    GraphException.Cycle e = catchThrowableOfType(GraphException.Cycle.class, () -> RevisionGraph.of(revisions));

    assertThat(Set.copyOf(e.sources())).containsExactlyInAnyOrder("a.sql", "b.sql");
  }

  @Test
  void sameBranchLabelOnTwoRevisionsNamesBothFiles() {
    List<Revision> revisions = List.of(labelled("a", "core"), labelled("b", "core", "a"));

    GraphException.DuplicateLabel e = catchThrowableOfType(
        GraphException.DuplicateLabel.class, () -> RevisionGraph.of(revisions));

    assertThat(e.sources()).containsExactly("a.sql", "b.sql");
  }

  @Test
  void branchLabelEqualToARevisionIdIsRefused() {
    List<Revision> revisions = List.of(rev("a"), labelled("b", "a", "a"));

    assertThatThrownBy(() -> RevisionGraph.of(revisions)).isInstanceOf(GraphException.DuplicateLabel.class);
  }

  // ---- names

  private static final RevisionGraph PREFIXES = RevisionGraph.of(List.of(
      rev("abcd1111"), rev("abcd2222", "abcd1111"), rev("abce3333", "abcd2222"), labelled("f00d", "core", "abce3333")));

  @Test
  void fullIdResolvesToItsRevision() {
    assertThat(PREFIXES.resolve("abcd2222").id()).isEqualTo("abcd2222");
    assertThat(PREFIXES.get("abcd2222")).isPresent();
    assertThat(PREFIXES.get("abcd")).isEmpty();
  }

  @Test
  void uniquePrefixOfFourOrMoreCharactersResolves() {
    assertThat(PREFIXES.resolve("abce").id()).isEqualTo("abce3333");
    assertThat(PREFIXES.resolve("abcd2").id()).isEqualTo("abcd2222");
  }

  @Test
  void ambiguousPrefixListsTheCandidates() {
    GraphException.AmbiguousRevision e = catchThrowableOfType(
        GraphException.AmbiguousRevision.class, () -> PREFIXES.resolve("abcd"));

    assertThat(e.candidates()).containsExactly("abcd1111", "abcd2222");
    assertThat(e).hasMessageContaining("abcd");
  }

  @Test
  void prefixShorterThanFourCharactersIsUnknownEvenWhenUnique() {
    GraphException.UnknownRevision e = catchThrowableOfType(
        GraphException.UnknownRevision.class, () -> PREFIXES.resolve("f00"));

    assertThat(e.name()).isEqualTo("f00");
  }

  @Test
  void unknownNameIsReportedAsSuch() {
    GraphException.UnknownRevision e = catchThrowableOfType(
        GraphException.UnknownRevision.class, () -> PREFIXES.resolve("zzzzzz"));

    assertThat(e.name()).isEqualTo("zzzzzz");
    assertThat(e).hasMessageContaining("zzzzzz");
  }

  @Test
  void idsAreCaseSensitive() {
    assertThatThrownBy(() -> PREFIXES.resolve("ABCD1111")).isInstanceOf(GraphException.UnknownRevision.class);
  }

  @Test
  void branchLabelResolvesToTheRevisionThatDeclaresIt() {
    assertThat(PREFIXES.resolve("core").id()).isEqualTo("f00d");
  }

  @Test
  void dependsOnMayNameABranchLabel() {
    RevisionGraph graph = RevisionGraph.of(
        List.of(rev("a"), labelled("b", "core", "a"), rev("x"), depending("y", List.of("core"), "x")));

    assertThat(graph.resolve("y").dependsOn()).containsExactly("b");
    assertThat(ids(graph.applied(List.of("y")))).containsExactlyInAnyOrder("a", "b", "x", "y");
  }
}
