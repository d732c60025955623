package retort.cli;

import java.util.ArrayList;
import java.util.List;
import retort.RevisionInfo;

/** How revisions print: Alembic's one-line {@code a -> b (head), message} and its verbose block. */
final class Render {

  private Render() {}

  /** The marks without {@code (current)}, which {@code current} would print on every line. */
  static String idWithoutCurrent(RevisionInfo r) {
    return r.revision() + (r.file() == null ? ", " + r.message() : marks(withoutCurrent(r)));
  }

  /** The same revision, not marked current: {@code current -v} does not mark it, as in Alembic. */
  static RevisionInfo withoutCurrent(RevisionInfo r) {
    return new RevisionInfo(r.revision(), r.downRevisions(), r.dependsOn(), r.branchLabels(),
        r.message(), r.file(), r.created(), r.head(), r.branchPoint(), r.mergePoint(), false);
  }

  static String marks(RevisionInfo r) {
    List<String> marks = new ArrayList<>();
    for (String label : r.branchLabels().stream().sorted().toList()) {
      marks.add("(" + label + ")");
    }
    if (r.head()) {
      marks.add("(head)");
    }
    if (r.current()) {
      marks.add("(current)");
    }
    if (r.branchPoint()) {
      marks.add("(branchpoint)");
    }
    if (r.mergePoint()) {
      marks.add("(mergepoint)");
    }
    return marks.isEmpty() ? "" : " " + String.join(" ", marks);
  }

  /** A revision's text in {@code history --graph}: the id, labels, (head), (current), and the message. */
  static String graphText(RevisionInfo r) {
    StringBuilder b = new StringBuilder(r.revision());
    for (String label : r.branchLabels().stream().sorted().toList()) {
      b.append(" (").append(label).append(')');
    }
    if (r.head()) {
      b.append(" (head)");
    }
    if (r.current()) {
      b.append(" (current)");
    }
    return b.append(", ").append(r.message()).toString();
  }

  /** {@code history --graph}: the revisions (newest first) drawn as a graph, one line each. */
  static String graph(List<RevisionInfo> newestFirst) {
    List<GraphDrawing.Node> nodes = new ArrayList<>(newestFirst.size());
    for (RevisionInfo r : newestFirst) {
      nodes.add(new GraphDrawing.Node(r.revision(), r.downRevisions(), graphText(r)));
    }
    return GraphDrawing.render(nodes);
  }

  /** The note that a run holds the lock: who, since when, and what it runs when known. */
  static String runInProgress(retort.LockHolder h) {
    return "A run is in progress on this database: pid " + h.pid() + " (user " + h.user() + ", application_name '"
        + h.applicationName() + "'), connected since " + h.since() + (h.doing() == null ? "" : "; " + h.doing());
  }

  static String line(RevisionInfo r) {
    String down = r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
    return down + " -> " + r.revision() + marks(r) + ", " + r.message();
  }

  static String id(RevisionInfo r) {
    return r.revision() + marks(r);
  }

  static String verbose(RevisionInfo r) {
    StringBuilder b = new StringBuilder();
    b.append("Rev: ").append(id(r)).append('\n');
    b.append("Parent: ").append(r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions())).append('\n');
    if (!r.branchLabels().isEmpty()) {
      b.append("Branch names: ").append(String.join(", ", r.branchLabels())).append('\n');
    }
    if (!r.dependsOn().isEmpty()) {
      b.append("Depends on: ").append(String.join(", ", r.dependsOn())).append('\n');
    }
    b.append("Path: ").append(r.file()).append('\n');
    if (!r.created().isEmpty()) {
      b.append("Created: ").append(r.created()).append('\n');
    }
    b.append('\n').append("    ").append(r.message()).append('\n');
    return b.toString();
  }
}
