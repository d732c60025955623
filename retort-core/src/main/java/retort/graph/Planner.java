package retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * Turns a target into a plan. An upgrade runs the target's missing ancestors, parents first; a
 * downgrade undoes the applied descendants of the target, children first, and leaves other
 * branches at their tips.
 */
public final class Planner {

  private final RevisionGraph graph;

  public Planner(RevisionGraph graph) {
    this.graph = graph;
  }

  /** The plan that brings a database with these version rows up to the target. */
  public Plan upgrade(Collection<String> rows, String target) {
    List<String> before = List.copyOf(rows);
    Targets targets = new Targets(graph, before);
    int[] wanted = targets.upgradeTargets(target);
    BitSet needed = graph.walk(wanted, false, true);
    needed.andNot(graph.appliedSet(before));
    return plan(before, needed, Direction.UPGRADE);
  }

  /**
   * The plan that brings a database with these version rows up to another set of rows, {@code tips}
   * (each a revision id): every ancestor of the tips not applied yet, parents first. A tip the graph
   * does not know throws {@link GraphException.UnknownApplied}.
   */
  public Plan upgradeTo(Collection<String> rows, Collection<String> tips) {
    List<String> before = List.copyOf(rows);
    BitSet needed = graph.walk(graph.rowIndices(tips), false, true);
    needed.andNot(graph.appliedSet(before));
    return plan(before, needed, Direction.UPGRADE);
  }

  /** The plan that takes a database with these version rows down to the target. */
  public Plan downgrade(Collection<String> rows, String target) {
    List<String> before = List.copyOf(rows);
    Targets targets = new Targets(graph, before);
    Targets.Destination destination = targets.downgradeTarget(target);
    BitSet applied = graph.appliedSet(before);
    int[] roots = destination.isBase() ? bases() : graph.children(destination.revision());
    if (destination.branch() >= 0 && roots.length > 1) {
      // As Alembic: a downgrade on a branch undoes only the children on that branch's line.
      BitSet line = graph.walk(new int[] {destination.branch()}, false, false);
      roots = java.util.Arrays.stream(roots).filter(line::get).toArray();
      if (roots.length == 0) {
        throw new GraphException.InvalidTarget(
            target, "the branch " + graph.at(destination.branch()).id() + " does not lead through "
                + (destination.isBase() ? "a base" : graph.at(destination.revision()).id()));
      }
    }
    BitSet undo = graph.walk(roots, true, true);
    undo.and(applied);
    if (!destination.isBase()) {
      int to = destination.revision();
      if (undo.isEmpty() && !before.contains(graph.at(to).id())) {
        throw new GraphException.InvalidTarget(
            target, graph.at(to).id() + " is not a valid downgrade target from the current head(s) "
                + String.join(", ", before));
      }
    }
    return plan(before, undo, Direction.DOWNGRADE);
  }

  private int[] bases() {
    int[] out = new int[graph.bases().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = graph.index(graph.bases().get(i));
    }
    return out;
  }

  /**
   * The rows after stamping the target without running anything, as Alembic does: each revision the
   * target names replaces the rows on its line of descent (its ancestors and descendants); other
   * branches keep their rows; {@code base} empties the table.
   */
  public Plan stamp(Collection<String> rows, String target) {
    List<String> before = List.copyOf(rows);
    java.util.LinkedHashSet<String> after = new java.util.LinkedHashSet<>(before);
    if (target.equals("base")) {
      after.clear();
    } else {
      for (int dest : new Targets(graph, before).absoluteTargets(target)) {
        BitSet line = graph.walk(new int[] {dest}, false, true);
        line.or(graph.walk(new int[] {dest}, true, true));
        after.removeIf(row -> graph.get(row).map(r -> line.get(graph.index(r))).orElse(false));
        after.add(graph.at(dest).id());
      }
    }
    return new Plan(before, List.of(), List.copyOf(after));
  }

  /** The ids a target names, resolved against the rows, without planning anything. */
  public List<Revision> resolve(Collection<String> rows, String target) {
    List<Revision> out = new ArrayList<>();
    for (int i : new Targets(graph, List.copyOf(rows)).upgradeTargets(target)) {
      out.add(graph.at(i));
    }
    return out;
  }

  /** Where a downgrade to this target would go: a revision, or empty for base. */
  public java.util.Optional<Revision> destination(Collection<String> rows, String target) {
    Targets.Destination d = new Targets(graph, List.copyOf(rows)).downgradeTarget(target);
    return d.isBase() ? java.util.Optional.empty() : java.util.Optional.of(graph.at(d.revision()));
  }

  private Plan plan(List<String> before, BitSet revisions, Direction direction) {
    Bookkeeping book = new Bookkeeping(graph, before);
    List<Step> steps = new ArrayList<>(revisions.cardinality());
    if (direction == Direction.UPGRADE) {
      for (int i = revisions.nextSetBit(0); i >= 0; i = revisions.nextSetBit(i + 1)) {
        steps.add(new Step(graph.at(i), direction, book.apply(i, direction)));
      }
    } else {
      for (int i = revisions.previousSetBit(revisions.length() - 1); i >= 0; i = revisions.previousSetBit(i - 1)) {
        steps.add(new Step(graph.at(i), direction, book.apply(i, direction)));
      }
    }
    return new Plan(before, steps, book.rows());
  }
}
