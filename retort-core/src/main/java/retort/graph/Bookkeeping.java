package retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The version-table rows as a pure function of the steps, following Alembic's rules so that the two
 * tools can hand a database to each other: a base upgrade inserts a row; an upgrade whose parents
 * hold no row starts a new branch row; an upgrade over several parent rows merges them into one; a
 * downgrade of a merge splits it back; a downgrade whose parents are still covered by another row
 * deletes its row; anything else updates one row in place.
 */
final class Bookkeeping {

  private final RevisionGraph graph;
  private final Set<String> rows;

  Bookkeeping(RevisionGraph graph, List<String> rows) {
    this.graph = graph;
    this.rows = new LinkedHashSet<>(rows);
  }

  List<String> rows() {
    return List.copyOf(rows);
  }

  /** Applies one step to the rows and returns the change it made. */
  VersionChange apply(int revision, Direction direction) {
    VersionChange change = direction == Direction.UPGRADE ? upgrade(revision) : downgrade(revision);
    rows.removeAll(change.deletes());
    if (change.hasUpdate()) {
      rows.remove(change.updateFrom());
      rows.add(change.updateTo());
    }
    rows.addAll(change.inserts());
    return change;
  }

  private VersionChange upgrade(int i) {
    String id = graph.at(i).id();
    List<String> down = ids(graph.normalizedDown(i));
    List<String> present = new ArrayList<>(down);
    present.retainAll(rows);
    if (present.isEmpty()) {
      return VersionChange.insert(id);
    }
    if (present.size() == 1) {
      return VersionChange.update(present.get(0), id);
    }
    List<String> merged = withoutAncestorsOfOtherRows(down, down);
    merged.retainAll(rows);
    if (merged.isEmpty()) {
      return VersionChange.update(present.get(present.size() - 1), id);
    }
    String kept = merged.get(merged.size() - 1);
    return new VersionChange(merged.subList(0, merged.size() - 1), List.of(), kept, id);
  }

  private VersionChange downgrade(int i) {
    String id = graph.at(i).id();
    List<String> down = ids(graph.normalizedDown(i));
    if (!rows.contains(id)) {
      // Alembic updates the row of the one parent that is present; a plan never reaches this.
      List<String> present = new ArrayList<>(down);
      present.retainAll(rows);
      return VersionChange.update(present.isEmpty() ? id : present.get(0), id);
    }
    if (down.isEmpty()) {
      return VersionChange.delete(id);
    }
    List<String> restore = withoutAncestorsOfOtherRows(down, List.of(id));
    restore = withoutAncestorsOfEachOther(restore);
    if (restore.isEmpty()) {
      return VersionChange.delete(id);
    }
    String kept = restore.get(restore.size() - 1);
    return new VersionChange(List.of(), restore.subList(0, restore.size() - 1), id, kept);
  }

  /** The candidates that are not ancestors of any row other than those excluded. */
  private List<String> withoutAncestorsOfOtherRows(List<String> candidates, List<String> excluded) {
    List<String> others = new ArrayList<>(rows);
    others.removeAll(excluded);
    List<String> kept = new ArrayList<>(candidates);
    if (others.isEmpty()) {
      return kept;
    }
    BitSet covered = graph.walk(graph.rowIndices(others), false, true, floor(candidates));
    kept.removeIf(c -> covered.get(graph.indexOf(c)));
    return kept;
  }

  /**
   * The candidates that are not ancestors of another candidate: a downgrade never writes a row beside
   * its own descendant (Alembic does, for a merge of a revision and its ancestor or for a depends_on
   * whose dependency lies below a parent).
   */
  private List<String> withoutAncestorsOfEachOther(List<String> candidates) {
    if (candidates.size() < 2) {
      return candidates;
    }
    List<Integer> above = new ArrayList<>();
    for (String c : candidates) {
      int i = graph.indexOf(c);
      for (int p : graph.parents(i)) {
        above.add(p);
      }
      for (int d : graph.dependencies(i)) {
        above.add(d);
      }
    }
    BitSet covered =
        graph.walk(above.stream().mapToInt(Integer::intValue).toArray(), false, true, floor(candidates));
    List<String> kept = new ArrayList<>(candidates);
    kept.removeIf(c -> covered.get(graph.indexOf(c)));
    return kept;
  }

  /** The lowest index among the candidates: no walk for their ancestry needs to go below it. */
  private int floor(List<String> candidates) {
    int floor = Integer.MAX_VALUE;
    for (String c : candidates) {
      floor = Math.min(floor, graph.indexOf(c));
    }
    return floor;
  }

  private List<String> ids(int[] indices) {
    List<String> out = new ArrayList<>(indices.length);
    for (int i : indices) {
      out.add(graph.at(i).id());
    }
    return out;
  }
}
