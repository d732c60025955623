package retort.graph;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the target a user names: {@code head}, {@code heads}, {@code base}, a full id, a unique
 * prefix, a branch label, {@code label@head}, {@code label@rev}, and the relative forms {@code +N},
 * {@code -N}, {@code rev+N}, {@code rev-N}, {@code label@+N}, {@code label@-N}, resolved against the
 * version rows the database has.
 */
final class Targets {

  private static final Pattern RELATIVE = Pattern.compile("(?:(.+?)@)?(\\w+?)?([-+]\\d+)");

  /**
   * Where a downgrade goes: a revision, or base (index -1); and the revision whose line the
   * downgrade keeps to when the destination has several children ({@code branch}, -1 for none).
   */
  record Destination(int revision, int branch) {
    boolean isBase() {
      return revision < 0;
    }
  }

  private final RevisionGraph graph;
  private final List<String> rows;

  Targets(RevisionGraph graph, List<String> rows) {
    this.graph = graph;
    this.rows = rows;
  }

  int[] upgradeTargets(String target) {
    Matcher m = RELATIVE.matcher(target);
    if (m.matches()) {
      String label = m.group(1);
      String symbol = m.group(2);
      int steps = Integer.parseInt(m.group(3).replace("+", ""));
      if (steps < 0 && symbol == null) {
        throw new GraphException.InvalidTarget(target, "an upgrade cannot go " + -steps + " steps down");
      }
      int start;
      if (symbol != null) {
        start = symbol(symbol, label, target);
      } else {
        start = currentOn(label, target, false);
      }
      int to = walk(target, start, steps, label);
      return to < 0 ? new int[0] : new int[] {to};
    }
    return absolute(target);
  }

  Destination downgradeTarget(String target) {
    Matcher m = RELATIVE.matcher(target);
    if (m.matches()) {
      String label = m.group(1);
      String symbol = m.group(2);
      int steps = Integer.parseInt(m.group(3).replace("+", ""));
      if (steps >= 0 && symbol == null) {
        throw new GraphException.InvalidTarget(target, "a downgrade cannot go " + steps + " steps up");
      }
      int start;
      int branch = label == null ? -1 : graph.indexOf(label);
      if (symbol != null) {
        start = symbol(symbol, label, target);
      } else {
        if (rows.isEmpty()) {
          throw new GraphException.InvalidTarget(target, "the database is at base, there is nothing to undo");
        }
        start = currentOn(label, target, true);
        if (branch < 0) {
          // Like Alembic, a step down from the one current row keeps to that row's line.
          branch = start;
        }
      }
      return new Destination(walk(target, start, steps, label), branch);
    }
    int at = target.lastIndexOf('@');
    int branch = at > 0 ? graph.indexOf(target.substring(0, at)) : -1;
    if (target.equals("base") || target.endsWith("@base")) {
      return new Destination(-1, branch);
    }
    int[] absolute = absolute(target);
    if (absolute.length != 1) {
      throw new GraphException.MultipleHeads(ids(absolute), target);
    }
    return new Destination(absolute[0], branch);
  }

  /** The revision a relative move starts from: {@code head}, {@code heads}, {@code base} or a revision. */
  private int symbol(String symbol, String label, String target) {
    switch (symbol) {
      case "head":
      case "heads":
        return single(absolute(label == null ? "head" : label + "@head"), target)[0];
      case "base":
        return -1;
      default:
        return graph.indexOf(symbol);
    }
  }

  /** A target without relative steps, as stamp takes it. */
  int[] absoluteTargets(String target) {
    if (RELATIVE.matcher(target).matches()) {
      throw new GraphException.InvalidTarget(target, "give a revision, not a relative step");
    }
    return absolute(target);
  }

  private int[] absolute(String target) {
    switch (target) {
      case "heads":
        return indices(graph.heads());
      case "head":
        return single(indices(graph.heads()), target);
      case "base":
        return new int[0];
      default:
        break;
    }
    int at = target.lastIndexOf('@');
    if (at > 0) {
      String label = target.substring(0, at);
      String symbol = target.substring(at + 1);
      int branch = graph.indexOf(label);
      if (symbol.equals("head") || symbol.equals("heads")) {
        BitSet line = graph.walk(new int[] {branch}, true, false);
        List<Integer> heads = new ArrayList<>();
        for (Revision h : graph.heads()) {
          if (line.get(graph.index(h))) {
            heads.add(graph.index(h));
          }
        }
        int[] found = heads.stream().mapToInt(Integer::intValue).toArray();
        return symbol.equals("head") ? single(found, target) : found;
      }
      if (symbol.equals("base")) {
        return new int[0];
      }
      int rev = graph.indexOf(symbol);
      if (!graph.sharesLineage(rev, branch)) {
        throw new GraphException.InvalidTarget(
            target, graph.at(rev).id() + " is not on the branch " + label);
      }
      return new int[] {rev};
    }
    return new int[] {graph.indexOf(target)};
  }

  /** The one current row a relative move starts from, -1 when the database is at base. */
  private int currentOn(String label, String target, boolean downgrade) {
    int[] current = graph.rowIndices(rows);
    if (label != null) {
      int branch = graph.indexOf(label);
      List<Integer> onBranch = new ArrayList<>();
      for (int c : current) {
        if (graph.sharesLineage(c, branch)) {
          onBranch.add(c);
        }
      }
      if (onBranch.isEmpty() && downgrade) {
        // As Alembic: the applied tips on the branch's line (reached through a depends_on only).
        BitSet applied = graph.appliedSet(rows);
        BitSet lineage = graph.walk(new int[] {branch}, false, true);
        lineage.or(graph.walk(new int[] {branch}, true, true));
        for (int i = applied.nextSetBit(0); i >= 0; i = applied.nextSetBit(i + 1)) {
          boolean tip = true;
          for (int c : graph.children(i)) {
            tip &= !applied.get(c);
          }
          if (tip && lineage.get(i)) {
            onBranch.add(i);
          }
        }
        if (onBranch.isEmpty()) {
          throw new GraphException.InvalidTarget(
              target, "no applied revision is on the branch " + label + " (the database is at "
                  + String.join(", ", rows) + ")");
        }
      } else if (onBranch.isEmpty()) {
        BitSet applied = graph.appliedSet(rows);
        BitSet line = graph.walk(new int[] {branch}, false, false);
        line.and(applied);
        int tip = line.length() - 1;
        return tip;
      }
      current = onBranch.stream().mapToInt(Integer::intValue).toArray();
    }
    if (current.length == 0) {
      return -1;
    }
    if (current.length > 1) {
      throw new GraphException.MultipleHeads(ids(current), target);
    }
    return current[0];
  }

  /** Walks up (steps > 0) along children or down along parents, one unambiguous link at a time. */
  private int walk(String target, int start, int steps, String label) {
    int at = start;
    for (int n = 0; n < Math.abs(steps); n++) {
      int[] next;
      if (steps > 0) {
        next = at < 0 ? indices(graph.bases()) : graph.children(at);
        if (label != null && next.length > 1) {
          int branch = graph.indexOf(label);
          next = java.util.Arrays.stream(next).filter(c -> graph.sharesLineage(c, branch)).toArray();
        }
        if (next.length == 0) {
          throw new GraphException.InvalidTarget(
              target, "there are only " + n + " revisions above " + name(start));
        }
      } else {
        if (at < 0) {
          throw new GraphException.InvalidTarget(
              target, "there are only " + n + " revisions below " + name(start));
        }
        next = graph.parents(at);
        if (next.length == 0) {
          next = new int[] {-1};
        }
      }
      if (next.length > 1) {
        throw new GraphException.InvalidTarget(
            target,
            name(at) + " has several " + (steps > 0 ? "children" : "parents") + " ("
                + String.join(", ", ids(next)) + "); name the revision to go to instead");
      }
      at = next[0];
    }
    if (at < 0 && steps > 0) {
      throw new GraphException.InvalidTarget(target, "there is no revision to move to");
    }
    return at;
  }

  private String name(int i) {
    return i < 0 ? "base" : graph.at(i).id();
  }

  private int[] single(int[] found, String target) {
    if (found.length > 1) {
      throw new GraphException.MultipleHeads(ids(found), target);
    }
    if (found.length == 0) {
      throw new GraphException.InvalidTarget(target, "there are no revisions");
    }
    return found;
  }

  private int[] indices(List<Revision> revisions) {
    int[] out = new int[revisions.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = graph.index(revisions.get(i));
    }
    return out;
  }

  private List<String> ids(int[] indices) {
    List<String> out = new ArrayList<>();
    for (int i : indices) {
      out.add(name(i));
    }
    return out;
  }
}
