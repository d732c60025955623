package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure drawing: exact pictures, worked out by hand the way git lays its graph out. */
class GraphDrawingTest {

  private static GraphDrawing.Node n(String id, String... parents) {
    return new GraphDrawing.Node(id, List.of(parents), id);
  }

  private static GraphDrawing.Node t(String id, String text, String... parents) {
    return new GraphDrawing.Node(id, List.of(parents), text);
  }

  private static String draw(GraphDrawing.Node... newestFirst) {
    return GraphDrawing.render(List.of(newestFirst));
  }

  @Test
  void linearChain() {
    assertThat(draw(n("c", "b"), n("b", "a"), n("a"))).isEqualTo("""
        * c
        * b
        * a
        """);
  }

  @Test
  void branch() {
    assertThat(draw(n("c", "a"), n("b", "a"), n("a"))).isEqualTo("""
        * c
        | * b
        |/
        * a
        """);
  }

  @Test
  void merge() {
    assertThat(draw(n("d", "b", "c"), n("c", "a"), n("b", "a"), n("a"))).isEqualTo("""
        *   d
        |\\
        | * c
        * | b
        |/
        * a
        """);
  }

  @Test
  void twoBranchesAMergeAndALabel() {
    String drawing = draw(
        t("g7", "g7 (head), reviews", "f6"),
        t("f6", "f6, bookings", "e5"),
        t("e5", "e5, merge", "d4", "c3"),
        t("d4", "d4, index", "b2"),
        t("c3", "c3 (billing), invoices", "a1"),
        t("b2", "b2, apartments", "a1"),
        t("a1", "a1, users"));

    assertThat(drawing).isEqualTo("""
        * g7 (head), reviews
        * f6, bookings
        *   e5, merge
        |\\
        | * c3 (billing), invoices
        * | d4, index
        * | b2, apartments
        |/
        * a1, users
        """);
  }

  @Test
  void theInputOrderOfTwoLinesDoesNotInterleaveThem() {
    // newest first by file order would interleave the branches: the drawing keeps each together
    String drawing = draw(n("e", "d", "c"), n("d", "b"), n("c", "a"), n("b", "x"), n("x", "a"), n("a"));

    assertThat(drawing).isEqualTo("""
        *   e
        |\\
        | * c
        * | d
        * | b
        * | x
        |/
        * a
        """);
  }

  @Test
  void twoHeadsStillOpen() {
    assertThat(draw(n("d", "b"), n("c", "a"), n("b", "a"), n("a"))).isEqualTo("""
        * d
        * b
        | * c
        |/
        * a
        """);
  }

  @Test
  void twoBasesEachWithItsOwnLineAreKeptApart() {
    // git would draw y right under a as if a followed from y: a gap row says it does not
    assertThat(draw(n("b", "a"), n("y", "x"), n("a"), n("x"))).isEqualTo("""
        * b
        * a

        * y
        * x
        """);
  }

  @Test
  void aNewLineUnderABaseBesideAnotherLineIsKeptApartToo() {
    assertThat(draw(n("c", "a"), n("y"), n("z", "a"), n("a"))).isEqualTo("""
        * c
        | * y
        |
        | * z
        |/
        * a
        """);
  }

  @Test
  void aBaseWithALineBesideItShiftsThatLineLeft() {
    assertThat(draw(n("d", "a"), n("c", "b", "a"), n("b"), n("a"))).isEqualTo("""
        * d
        | *   c
        | |\\
        |_|/
        * | a
         /
        * b
        """);
  }

  @Test
  void octopusMerge() {
    assertThat(draw(n("m", "b", "c", "d"), n("d", "a"), n("c", "a"), n("b", "a"), n("a"))).isEqualTo("""
        *-.   m
        |\\ \\
        | | * d
        | * | c
        | |/
        * | b
        |/
        * a
        """);
  }

  @Test
  void anOctopusMergeFirstMovesTheLinesRightOfItOutOfTheWay() {
    assertThat(draw(n("e", "d", "c"), n("d", "c", "a", "b"), n("b", "a"), n("c"), n("a"))).isEqualTo("""
        *   e
        |\\
        |  \\
        *-. |   d
        |\\ \\ \\
        |_|_|/
        | | * b
        | |/
        | * a
        * c
        """);
  }

  @Test
  void aLineThatJoinsOneFurtherLeftCrossesTheLinesBetween() {
    // after c, the lines lead to [a, x, a]: the right one joins the left one across x's line
    assertThat(draw(n("m", "a", "x", "c"), n("c", "a"), n("x"), n("a"))).isEqualTo("""
        *-.   m
        |\\ \\
        | | * c
        |_|/
        * | a
         /
        * x
        """);
  }

  @Test
  void parentsOutsideTheListAreLeftOut() {
    // a history range that starts at b: a is not drawn, nor a line towards it
    assertThat(draw(n("c", "b"), n("b", "a"))).isEqualTo("""
        * c
        * b
        """);
  }

  @Test
  void everyRevisionIsDrawnOnceWithOneStarPerRow() {
    List<GraphDrawing.Node> nodes = new ArrayList<>();
    nodes.add(n("h", "f", "g"));
    nodes.add(n("g", "d", "e"));
    nodes.add(n("f", "c"));
    nodes.add(n("e", "b"));
    nodes.add(n("d", "b", "c"));
    nodes.add(n("c", "a"));
    nodes.add(n("b", "a"));
    nodes.add(n("a"));
    List<String> lines = GraphDrawing.draw(nodes);

    assertThat(lines.stream().filter(l -> l.contains("*")).map(l -> l.substring(l.lastIndexOf(' ') + 1)))
        .containsExactlyInAnyOrder("a", "b", "c", "d", "e", "f", "g", "h");
    assertThat(lines).allSatisfy(l -> assertThat(l.chars().filter(ch -> ch == '*').count()).isLessThanOrEqualTo(1));
    assertThat(lines.get(0)).startsWith("*");
    assertThat(lines.get(lines.size() - 1)).isEqualTo("* a");
  }

  @Test
  void aRevisionListedTwiceIsAnError() {
    assertThatThrownBy(() -> draw(n("a"), n("a"))).isInstanceOf(IllegalArgumentException.class);
  }
}
