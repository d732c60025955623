package retort.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The revision DAG drawn the way {@code git log --graph --oneline} draws commits: newest first, one
 * {@code *} per revision, {@code |} for a line that goes on, {@code \} where a merge's lines part
 * (read downwards: towards its parents), {@code /} where two lines join (a branch point's children
 * meeting) or shift left, {@code _} where a line crosses other lines to join one further left, and
 * {@code *-.} for a merge of three or more parents. Where a new line would start right under a
 * base (git draws the two as if one followed the other) a row without that line separates them.
 *
 * <p>Pure: a list of nodes in, lines of text out. The nodes are first put in git's
 * {@code --topo-order} (no revision before all its children, and one line of descent kept together
 * until it meets another), so the drawing does not depend on the order the files were read in beyond
 * breaking ties. A parent id that is not among the nodes (a history range that cuts the graph) is
 * left out of the drawing.
 */
final class GraphDrawing {

  /** One revision: its id, its parents (down revisions) in file order, and the text after the graph. */
  record Node(String id, List<String> parents, String text) {
    Node {
      parents = List.copyOf(parents);
    }
  }

  private GraphDrawing() {}

  /** The drawing as one string, one line each, every line ending in a newline. */
  static String render(List<Node> newestFirst) {
    StringBuilder b = new StringBuilder();
    for (String line : draw(newestFirst)) {
      b.append(line).append('\n');
    }
    return b.toString();
  }

  /** The drawing, line by line, without trailing spaces. */
  static List<String> draw(List<Node> newestFirst) {
    Map<String, Node> byId = new LinkedHashMap<>();
    for (Node n : newestFirst) {
      if (byId.putIfAbsent(n.id(), n) != null) {
        throw new IllegalArgumentException("revision " + n.id() + " is listed twice");
      }
    }
    List<String> out = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    int endedAt = -1; // the column of the previous revision when it was a base
    for (Node n : topoOrder(newestFirst, byId)) {
      List<String> parents = parentsIn(n, byId);
      int idx = columns.indexOf(n.id());
      if (idx < 0) {
        if (endedAt == columns.size()) {
          // a new line right under a base: a gap, so that the base does not seem to follow from it
          Row gap = new Row();
          for (int c = 0; c < columns.size(); c++) {
            gap.set(2 * c, '|');
          }
          out.add(gap.toString());
        }
        columns.add(n.id());
        idx = columns.size() - 1;
      }
      endedAt = parents.isEmpty() ? idx : -1;
      int extra = Math.max(0, parents.size() - 1); // lines a merge adds
      int pad = Math.max(0, extra - 1); // room an octopus merge's "-." takes on its own row
      int right = columns.size() - idx - 1;

      // an octopus merge first moves the lines right of it out of the way of its "*-."
      for (int s = 0; s < pad && right > 0; s++) {
        Row row = new Row();
        for (int c = 0; c <= idx; c++) {
          row.set(2 * c, '|');
        }
        for (int c = idx + 1; c < columns.size(); c++) {
          row.set(2 * (c + s) + 1, '\\');
        }
        out.add(row.toString());
      }
      int shift = right > 0 ? pad : 0;

      // the revision's own row
      Row row = new Row();
      for (int c = 0; c < idx; c++) {
        row.set(2 * c, '|');
      }
      row.set(2 * idx, '*');
      if (extra >= 2) {
        for (int k = 1; k < 2 * (extra - 1); k++) {
          row.set(2 * idx + k, '-');
        }
        row.set(2 * idx + 2 * (extra - 1), '.');
      }
      for (int c = idx + 1; c < columns.size(); c++) {
        row.set(2 * (c + shift), '|');
      }
      int width = 2 * Math.max(columns.size() + shift, columns.size() + extra);
      out.add(row.padded(width) + n.text());

      // its lines towards its parents
      if (parents.isEmpty()) {
        columns.remove(idx);
        if (idx < columns.size()) {
          Row gone = new Row();
          for (int c = 0; c < idx; c++) {
            gone.set(2 * c, '|');
          }
          for (int c = idx; c < columns.size(); c++) {
            gone.set(2 * c + 1, '/');
          }
          out.add(gone.toString());
        }
      } else if (extra == 0) {
        columns.set(idx, parents.get(0));
      } else {
        Row parting = new Row();
        for (int c = 0; c <= idx; c++) {
          parting.set(2 * c, '|');
        }
        for (int i = 1; i <= extra; i++) {
          parting.set(2 * idx + 2 * i - 1, '\\');
        }
        for (int c = idx + 1; c < columns.size(); c++) {
          parting.set(2 * (c + shift) + 1, '\\');
        }
        out.add(parting.toString());
        columns.set(idx, parents.get(0));
        columns.addAll(idx + 1, parents.subList(1, parents.size()));
      }
      collapse(columns, out);
    }
    return out;
  }

  /** Joins every line that now leads to the same revision as a line left of it, one row each. */
  private static void collapse(List<String> columns, List<String> out) {
    while (true) {
      int j = -1;
      int t = -1;
      for (int c = columns.size() - 1; c > 0 && j < 0; c--) {
        int first = columns.indexOf(columns.get(c));
        if (first < c) {
          j = c;
          t = first;
        }
      }
      if (j < 0) {
        return;
      }
      Row row = new Row();
      for (int c = 0; c < j; c++) {
        row.set(2 * c, '|');
      }
      for (int c = t; c < j - 1; c++) {
        row.set(2 * c + 1, '_');
      }
      row.set(2 * j - 1, '/');
      for (int c = j + 1; c < columns.size(); c++) {
        row.set(2 * c - 1, '/');
      }
      out.add(row.toString());
      columns.remove(j);
    }
  }

  private static List<String> parentsIn(Node n, Map<String, Node> byId) {
    List<String> out = new ArrayList<>();
    for (String p : n.parents()) {
      if (byId.containsKey(p) && !out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * git's topo-order: a revision only after all its children; from a merge, the line of its last
   * parent is walked first; ties go by the input order.
   */
  private static List<Node> topoOrder(List<Node> input, Map<String, Node> byId) {
    Map<String, Integer> children = new HashMap<>();
    for (Node n : input) {
      for (String p : parentsIn(n, byId)) {
        children.merge(p, 1, Integer::sum);
      }
    }
    Deque<Node> stack = new ArrayDeque<>();
    for (int i = input.size() - 1; i >= 0; i--) {
      if (!children.containsKey(input.get(i).id())) {
        stack.push(input.get(i));
      }
    }
    List<Node> out = new ArrayList<>(input.size());
    while (!stack.isEmpty()) {
      Node n = stack.pop();
      out.add(n);
      for (String p : parentsIn(n, byId)) {
        if (children.merge(p, -1, Integer::sum) == 0) {
          stack.push(byId.get(p));
        }
      }
    }
    if (out.size() != input.size()) {
      throw new IllegalArgumentException("the revisions form a cycle");
    }
    return out;
  }

  /** One row of the drawing, as a character grid that grows as it is written. */
  private static final class Row {
    private final StringBuilder chars = new StringBuilder();

    void set(int at, char c) {
      while (chars.length() <= at) {
        chars.append(' ');
      }
      chars.setCharAt(at, c);
    }

    String padded(int width) {
      StringBuilder b = new StringBuilder(chars);
      while (b.length() < width) {
        b.append(' ');
      }
      return b.toString();
    }

    @Override
    public String toString() {
      return chars.toString().stripTrailing();
    }
  }
}
