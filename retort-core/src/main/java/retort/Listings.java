package retort;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import retort.graph.GraphException;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.RevisionGraph;
import retort.script.Script;
import retort.script.ScriptDirectory;

/** The listing commands over the graph: current, history, heads, branches, show. */
final class Listings {

  private final ScriptDirectory dir;

  Listings(ScriptDirectory dir) {
    this.dir = dir;
  }

  /** One revision in full: a full id, a prefix, a label, or head / label@head. */
  RevisionInfo show(String name) {
    try {
      List<Revision> found = new Planner(dir.graph()).resolve(List.of(), name);
      if (found.size() != 1) {
        throw new RetortException(RetortException.Kind.USAGE, null, "'" + name + "' names " + found.size()
            + " revisions", "name one revision");
      }
      return info(found.get(0), Set.of());
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** The branch points: revisions that several revisions follow. */
  List<RevisionInfo> branches() {
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().revisions()) {
      if (dir.graph().childrenOf(r).size() > 1) {
        out.add(info(r, Set.of()));
      }
    }
    return out;
  }

  /** The revisions that follow this one. */
  List<RevisionInfo> children(String id) {
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().childrenOf(dir.graph().resolve(id))) {
      out.add(info(r, Set.of()));
    }
    return out;
  }

  /**
   * The revisions the database is at: one per version row. A row that names a revision no file
   * declares is listed with no file and the message {@link #UNKNOWN}, so that the state is shown
   * rather than refused.
   */
  List<RevisionInfo> current(List<String> rows) {
    List<RevisionInfo> out = new ArrayList<>();
    Set<String> current = new HashSet<>(rows);
    for (String row : rows) {
      Optional<Revision> r = dir.graph().get(row);
      out.add(r.isPresent() ? info(r.get(), current)
          : new RevisionInfo(row, List.of(), List.of(), Set.of(), UNKNOWN, null, "", false, false, false, true));
    }
    return out;
  }

  /** The message of a version row that names a revision no file declares. */
  static final String UNKNOWN = "unknown to this checkout";

  /** Every revision between the range's ends ({@code lower:upper}, either may be empty), newest first. */
  List<RevisionInfo> history(String range, List<String> rows) {
    RevisionGraph graph = dir.graph();
    Revision lower = null;
    int steps = -1;
    List<Revision> uppers = graph.heads();
    if (range != null && !range.isBlank()) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new RetortException(RetortException.Kind.USAGE, null,
            "the range '" + range + "' has no ':'", "write START:END, e.g. base:head, -3:, current:, ae10:heads");
      }
      String lo = range.substring(0, colon).strip();
      String hi = range.substring(colon + 1).strip();
      try {
        Planner planner = new Planner(graph);
        if (lo.length() > 1 && lo.charAt(0) == '-' && lo.substring(1).chars().allMatch(Character::isDigit)) {
          steps = Integer.parseInt(lo.substring(1));
        } else if (lo.equals("current")) {
          List<Revision> at = currentRevisions(graph, rows);
          if (at.size() > 1) {
            throw new RetortException(RetortException.Kind.USAGE, null, "the database is at several heads: "
                + ids(at), "name one of them instead of current");
          }
          lower = at.isEmpty() ? null : at.get(0);
        } else if (!lo.isEmpty() && !lo.equals("base")) {
          lower = planner.destination(rows, lo).orElse(null);
        }
        if (hi.equals("current")) {
          uppers = currentRevisions(graph, rows);
        } else if (!hi.isEmpty() && !hi.equals("heads")) {
          uppers = planner.resolve(rows, hi);
        }
      } catch (GraphException e) {
        throw Errors.of(e);
      }
    }
    Set<String> current = new HashSet<>(rows);
    Set<String> within = steps < 0 ? null : within(graph, graph.heads(), steps);
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : graph.between(lower, uppers)) {
      if (within == null || within.contains(r.id())) {
        out.add(info(r, current));
      }
    }
    return out;
  }

  /**
   * {@code -N:END}: the revisions up to END that are at most N parent steps below a head, as Alembic
   * counts: down from the heads, neither from END nor from the database. Where Alembic's walk stops
   * at a merge ("Ambiguous walk"), this goes on along every parent. N beyond the base is an error,
   * as in Alembic.
   */
  private static Set<String> within(RevisionGraph graph, List<Revision> uppers, int steps) {
    Set<String> seen = new HashSet<>();
    List<Revision> level = new ArrayList<>(uppers);
    for (Revision r : level) {
      seen.add(r.id());
    }
    for (int depth = 1; depth <= steps; depth++) {
      List<Revision> next = new ArrayList<>();
      for (Revision r : level) {
        for (String parent : r.downRevisions()) {
          if (seen.add(parent)) {
            graph.get(parent).ifPresent(next::add);
          }
        }
      }
      if (next.isEmpty()) {
        throw new RetortException(RetortException.Kind.USAGE, null, "-" + steps + " goes below the base: "
            + String.join(", ", ids(uppers)) + " has " + (depth - 1) + " revision" + (depth == 2 ? "" : "s")
            + " below it", "use base: for all of them, or -" + (depth - 1) + ":");
      }
      level = next;
    }
    return seen;
  }

  private static List<Revision> currentRevisions(RevisionGraph graph, List<String> rows) {
    List<Revision> out = new ArrayList<>();
    for (String row : rows) {
      graph.get(row).ifPresent(out::add);
    }
    return out;
  }

  /** The heads of the graph: revisions no other revision follows. */
  List<RevisionInfo> heads() {
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().heads()) {
      out.add(info(r, Set.of()));
    }
    return out;
  }

  private RevisionInfo info(Revision r, Set<String> current) {
    Script s = dir.script(r);
    RevisionGraph g = dir.graph();
    int children = g.childrenOf(r).size();
    return new RevisionInfo(r.id(), r.downRevisions(), r.dependsOn(), r.branchLabels(), s.message(), s.name(),
        s.created(), children == 0, children > 1, r.downRevisions().size() > 1, current.contains(r.id()));
  }

  static List<String> ids(List<Revision> revisions) {
    List<String> out = new ArrayList<>();
    for (Revision r : revisions) {
      out.add(r.id());
    }
    return out;
  }
}
