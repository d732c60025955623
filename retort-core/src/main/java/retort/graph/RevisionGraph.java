package retort.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The revision DAG. A head is a revision that no other revision names as its down revision; a base
 * is a revision with no down revision. Built once from revision records and validated on the way:
 * duplicate ids, missing parents or dependencies and cycles are errors naming the files.
 *
 * <p>Revisions are kept in a topological order (parents first; ties keep the input order), and
 * every walk is over int indices into that order, so that loading and planning stay linear in the
 * number of revisions.
 */
public final class RevisionGraph {

  private static final int[] NONE = new int[0];

  private final List<Revision> revisions;
  private final Map<String, Integer> byId;
  private final Map<String, Integer> byLabel;
  private final int[][] parents;
  private final int[][] dependencies;
  private final int[][] normalizedDown;
  private final int[][] children;
  private final int[][] dependents;
  private final List<Revision> heads;
  private final List<Revision> bases;
  /** Other ids that name a revision: a squash's own id names the revision it stands for (see {@link Squashes}). */
  private final Map<String, Integer> aliases;
  private volatile String[] sortedIds;

  /**
   * The graph of revisions already in topological order, with their links as indices into that
   * order; {@code byId} maps each id to its index.
   */
  private RevisionGraph(List<Revision> ordered, Map<String, Integer> byId, Map<String, Integer> byLabel,
      int[][] parents, int[][] dependencies) {
    int n = ordered.size();
    this.revisions = List.copyOf(ordered);
    this.byId = byId;
    this.byLabel = byLabel;
    this.parents = parents;
    this.dependencies = dependencies;
    this.children = invert(parents);
    this.dependents = invert(dependencies);
    List<Revision> headList = new ArrayList<>();
    List<Revision> baseList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (parents[i].length == 0) {
        baseList.add(ordered.get(i));
      }
    }
    for (int i = 0; i < n; i++) {
      if (children[i].length == 0) {
        headList.add(ordered.get(i));
      }
    }
    this.heads = List.copyOf(headList);
    this.bases = List.copyOf(baseList);
    this.normalizedDown = new int[n][];
    for (int i = 0; i < n; i++) {
      normalizedDown[i] = normalize(i);
    }
    this.aliases = Map.of();
  }

  /** The same graph in which {@code aliases} (an alias to a revision id) name revisions too. */
  private RevisionGraph(RevisionGraph g, Map<String, Integer> aliases) {
    this.revisions = g.revisions;
    this.byId = g.byId;
    this.byLabel = g.byLabel;
    this.parents = g.parents;
    this.dependencies = g.dependencies;
    this.children = g.children;
    this.dependents = g.dependents;
    this.heads = g.heads;
    this.bases = g.bases;
    this.normalizedDown = g.normalizedDown;
    this.aliases = aliases;
  }

  /**
   * This graph with more names for its revisions, each alias mapped to a revision's id: a target
   * that names the alias names that revision. An alias that is an id already is ignored.
   */
  public RevisionGraph withAliases(Map<String, String> more) {
    if (more.isEmpty()) {
      return this;
    }
    Map<String, Integer> out = new HashMap<>(aliases);
    more.forEach((alias, id) -> {
      Integer i = byId.get(id);
      if (i != null && !byId.containsKey(alias)) {
        out.put(alias, i);
      }
    });
    return new RevisionGraph(this, Map.copyOf(out));
  }

  /** The reverse links: for each index, the indices whose links name it, in increasing order. */
  private static int[][] invert(int[][] links) {
    int n = links.length;
    int[] count = new int[n];
    for (int[] targets : links) {
      for (int t : targets) {
        count[t]++;
      }
    }
    int[][] out = new int[n][];
    for (int i = 0; i < n; i++) {
      out[i] = count[i] == 0 ? NONE : new int[count[i]];
      count[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int t : links[i]) {
        out[t][count[t]++] = i;
      }
    }
    return out;
  }

  /** Validates the revisions and builds the graph. */
  public static RevisionGraph of(Collection<Revision> revisions) {
    List<Revision> input = revisions instanceof List<Revision> list ? list : new ArrayList<>(revisions);
    int n = input.size();
    // one map from id to position in the input; after sorting, to position in topological order
    Map<String, Integer> position = new HashMap<>(n + n / 3 + 1);
    Map<String, Integer> labelPosition = new HashMap<>();
    for (int i = 0; i < n; i++) {
      Revision r = input.get(i);
      if (position.putIfAbsent(r.id(), i) != null) {
        List<String> sources = new ArrayList<>();
        for (Revision same : input) {
          if (same.id().equals(r.id())) {
            sources.add(same.source());
          }
        }
        throw new GraphException.DuplicateRevision(r.id(), sources);
      }
      for (String label : r.branchLabels()) {
        Integer owner = labelPosition.putIfAbsent(label, i);
        if (owner != null) {
          throw new GraphException.DuplicateLabel(label, List.of(input.get(owner).source(), r.source()));
        }
      }
    }
    for (Map.Entry<String, Integer> label : labelPosition.entrySet()) {
      Integer clash = position.get(label.getKey());
      if (clash != null) {
        throw new GraphException.DuplicateLabel(label.getKey(),
            List.of(input.get(label.getValue()).source(), input.get(clash).source()));
      }
    }
    // links as input positions; a depends_on may name a branch label, which stands for its revision
    int[][] parentsIn = new int[n][];
    int[][] dependenciesIn = new int[n][];
    for (int i = 0; i < n; i++) {
      Revision r = input.get(i);
      parentsIn[i] = positions(r.downRevisions(), position, Map.of(), r.source(), "down_revision");
      dependenciesIn[i] = positions(r.dependsOn(), position, labelPosition, r.source(), "depends_on");
    }
    int[] order = topologicalOrder(input, parentsIn, dependenciesIn, position, labelPosition);
    int[] rank = new int[n];
    for (int k = 0; k < n; k++) {
      rank[order[k]] = k;
    }
    List<Revision> ordered = new ArrayList<>(n);
    int[][] parents = new int[n][];
    int[][] dependencies = new int[n][];
    boolean labelled = !labelPosition.isEmpty();
    for (int k = 0; k < n; k++) {
      Revision r = input.get(order[k]);
      ordered.add(labelled ? withLabelsResolved(r, labelPosition, input) : r);
      parents[k] = remap(parentsIn[order[k]], rank);
      dependencies[k] = remap(dependenciesIn[order[k]], rank);
    }
    position.replaceAll((id, i) -> rank[i]);
    labelPosition.replaceAll((label, i) -> rank[i]);
    return new RevisionGraph(ordered, position, labelPosition, parents, dependencies);
  }

  /** The input positions of these ids (or labels), or the error naming the first one missing. */
  private static int[] positions(List<String> ids, Map<String, Integer> position, Map<String, Integer> labelPosition,
      String source, String field) {
    if (ids.isEmpty()) {
      return NONE;
    }
    int[] out = new int[ids.size()];
    for (int j = 0; j < out.length; j++) {
      Integer at = position.get(ids.get(j));
      if (at == null) {
        at = labelPosition.get(ids.get(j));
      }
      if (at == null) {
        throw new GraphException.MissingRevision(source, field, ids.get(j), Closest.of(ids.get(j), position.keySet(),
            labelPosition.keySet()));
      }
      out[j] = at;
    }
    return out;
  }

  private static int[] remap(int[] positions, int[] rank) {
    if (positions.length == 0) {
      return NONE;
    }
    int[] out = new int[positions.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = rank[positions[j]];
    }
    return out;
  }

  /**
   * Kahn's algorithm over input positions: the order in which revisions come out, parents (and
   * dependencies) first, ties broken by input position.
   */
  private static int[] topologicalOrder(List<Revision> input, int[][] parentsIn, int[][] dependenciesIn,
      Map<String, Integer> position, Map<String, Integer> labelPosition) {
    int n = input.size();
    int[] pending = new int[n];
    int[][] next = invert(concat(parentsIn, dependenciesIn));
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      pending[i] = parentsIn[i].length + dependenciesIn[i].length;
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    int[] order = new int[n];
    int done = 0;
    while (!ready.isEmpty()) {
      int i = ready.poll();
      order[done++] = i;
      for (int c : next[i]) {
        if (--pending[c] == 0) {
          ready.add(c);
        }
      }
    }
    if (done < n) {
      throw new GraphException.Cycle(cycle(input, pending, position, labelPosition));
    }
    return order;
  }

  /** For each index, its links of both kinds. */
  private static int[][] concat(int[][] a, int[][] b) {
    int[][] out = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (b[i].length == 0) {
        out[i] = a[i];
      } else {
        out[i] = Arrays.copyOf(a[i], a[i].length + b[i].length);
        System.arraycopy(b[i], 0, out[i], a[i].length, b[i].length);
      }
    }
    return out;
  }

  /** The revision with each depends_on that names a branch label replaced by the labelled revision's id. */
  private static Revision withLabelsResolved(Revision r, Map<String, Integer> labelPosition, List<Revision> input) {
    boolean hasLabel = false;
    for (String d : r.dependsOn()) {
      hasLabel |= labelPosition.containsKey(d);
    }
    if (!hasLabel) {
      return r;
    }
    List<String> deps = new ArrayList<>();
    for (String d : r.dependsOn()) {
      Integer at = labelPosition.get(d);
      deps.add(at == null ? d : input.get(at).id());
    }
    return new Revision(r.id(), r.downRevisions(), deps, r.branchLabels(), r.source(), r.replaces());
  }

  /** Follows parent links among the revisions left unsorted until one repeats. */
  private static List<String> cycle(
      List<Revision> input, int[] pending, Map<String, Integer> position, Map<String, Integer> labelPosition) {
    int start = 0;
    while (pending[start] == 0) {
      start++;
    }
    List<Integer> path = new ArrayList<>();
    Map<Integer, Integer> seenAt = new HashMap<>();
    int at = start;
    while (!seenAt.containsKey(at)) {
      seenAt.put(at, path.size());
      path.add(at);
      Revision r = input.get(at);
      int nextAt = -1;
      List<String> links = new ArrayList<>(r.downRevisions());
      links.addAll(r.dependsOn());
      for (String link : links) {
        Integer p = position.containsKey(link) ? position.get(link) : labelPosition.get(link);
        if (p != null && pending[p] > 0) {
          nextAt = p;
          break;
        }
      }
      at = nextAt;
    }
    List<String> sources = new ArrayList<>();
    for (int i = seenAt.get(at); i < path.size(); i++) {
      sources.add(input.get(path.get(i)).source());
    }
    sources.add(input.get(at).source());
    return sources;
  }

  /**
   * Parents plus the dependencies that no versioned ancestor already depends on: the revisions whose
   * version rows this revision's upgrade absorbs.
   */
  private int[] normalize(int i) {
    if (dependencies[i].length == 0) {
      return parents[i];
    }
    BitSet redundant = new BitSet();
    BitSet ancestors = walk(new int[] {i}, false, false);
    ancestors.clear(i);
    for (int a = ancestors.nextSetBit(0); a >= 0; a = ancestors.nextSetBit(a + 1)) {
      for (int d : dependencies[a]) {
        redundant.set(d);
      }
    }
    int[] out = Arrays.copyOf(parents[i], parents[i].length + dependencies[i].length);
    int size = parents[i].length;
    for (int d : dependencies[i]) {
      if (!redundant.get(d) && !contains(out, size, d)) {
        out[size++] = d;
      }
    }
    return Arrays.copyOf(out, size);
  }

  private static boolean contains(int[] values, int size, int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        return true;
      }
    }
    return false;
  }

  // ---- lookups

  /** Every revision, parents before children. */
  public List<Revision> revisions() {
    return revisions;
  }

  public int size() {
    return revisions.size();
  }

  public List<Revision> heads() {
    return heads;
  }

  public List<Revision> bases() {
    return bases;
  }

  public Optional<Revision> get(String id) {
    Integer i = byId.get(id);
    return i == null ? Optional.empty() : Optional.of(revisions.get(i));
  }

  /** The revision with this id, branch label, or unique prefix of at least four characters. */
  public Revision resolve(String name) {
    return revisions.get(indexOf(name));
  }

  int indexOf(String name) {
    Integer exact = byId.get(name);
    if (exact != null) {
      return exact;
    }
    Integer alias = aliases.get(name);
    if (alias != null) {
      return alias;
    }
    Integer labelled = byLabel.get(name);
    if (labelled != null) {
      return labelled;
    }
    if (name.length() >= 4) {
      List<String> matches = prefixMatches(name);
      java.util.Set<Integer> named = new java.util.TreeSet<>();
      for (String m : matches) {
        named.add(byId.containsKey(m) ? byId.get(m) : aliases.get(m));
      }
      if (named.size() == 1) {
        return named.iterator().next();
      }
      if (named.size() > 1) {
        throw new GraphException.AmbiguousRevision(name, matches);
      }
    }
    java.util.Set<String> words = new java.util.HashSet<>(byLabel.keySet());
    words.addAll(List.of("head", "heads", "base"));
    throw new GraphException.UnknownRevision(name, Closest.of(name, byId.keySet(), words));
  }

  private List<String> prefixMatches(String prefix) {
    String[] ids = sortedIds;
    if (ids == null) {
      List<String> all = new ArrayList<>(byId.keySet());
      all.addAll(aliases.keySet());
      ids = all.toArray(new String[0]);
      Arrays.sort(ids);
      sortedIds = ids;
    }
    int from = Arrays.binarySearch(ids, prefix);
    from = from < 0 ? -from - 1 : from;
    List<String> matches = new ArrayList<>();
    for (int i = from; i < ids.length && ids[i].startsWith(prefix); i++) {
      matches.add(ids[i]);
    }
    return matches;
  }

  boolean hasLabel(String label) {
    return byLabel.containsKey(label);
  }

  Revision at(int index) {
    return revisions.get(index);
  }

  int index(Revision r) {
    return byId.get(r.id());
  }

  int[] parents(int i) {
    return parents[i];
  }

  int[] children(int i) {
    return children[i];
  }

  int[] dependencies(int i) {
    return dependencies[i];
  }

  int[] normalizedDown(int i) {
    return normalizedDown[i];
  }

  List<Revision> parentsOf(Revision r) {
    List<Revision> out = new ArrayList<>();
    for (int p : parents[index(r)]) {
      out.add(revisions.get(p));
    }
    return out;
  }

  /** The revisions that name this one as their down revision. */
  public List<Revision> childrenOf(Revision r) {
    List<Revision> out = new ArrayList<>();
    for (int c : children[index(r)]) {
      out.add(revisions.get(c));
    }
    return out;
  }

  /**
   * The revisions applied to a database whose version table holds these rows: the rows and all their
   * ancestors, dependencies included.
   */
  public List<Revision> applied(Collection<String> rows) {
    BitSet set = appliedSet(rows);
    List<Revision> out = new ArrayList<>(set.cardinality());
    for (int i = set.nextSetBit(0); i >= 0; i = set.nextSetBit(i + 1)) {
      out.add(revisions.get(i));
    }
    return out;
  }

  BitSet appliedSet(Collection<String> rows) {
    return walk(rowIndices(rows), false, true);
  }

  int[] rowIndices(Collection<String> rows) {
    int[] start = new int[rows.size()];
    int k = 0;
    for (String row : rows) {
      Integer i = byId.get(row);
      if (i == null) {
        throw new GraphException.UnknownApplied(row);
      }
      start[k++] = i;
    }
    return start;
  }

  /** Ancestors (down) or descendants (up) of the start revisions, start included. */
  BitSet walk(int[] start, boolean up, boolean withDependencies) {
    return walk(start, up, withDependencies, 0);
  }

  /**
   * As {@link #walk(int[], boolean, boolean)}, but a walk down visits no revision below index
   * {@code floor}: enough to learn which revisions from the floor up are ancestors, since an
   * ancestor always sorts before its descendants.
   */
  BitSet walk(int[] start, boolean up, boolean withDependencies, int floor) {
    BitSet seen = new BitSet(revisions.size());
    int[] todo = new int[revisions.size()];           // each revision is pushed at most once
    int size = 0;
    for (int s : start) {
      if (!seen.get(s) && s >= floor) {
        seen.set(s);
        todo[size++] = s;
      }
    }
    while (size > 0) {
      int i = todo[--size];
      int[] first = up ? children[i] : parents[i];
      int[] second = withDependencies ? (up ? dependents[i] : dependencies[i]) : NONE;
      for (int k = 0, links = first.length + second.length; k < links; k++) {
        int next = k < first.length ? first[k] : second[k - first.length];
        if (!seen.get(next) && next >= floor) {
          seen.set(next);
          todo[size++] = next;
        }
      }
    }
    return seen;
  }

  /**
   * The revisions that descend from {@code lower} (all when it is null) and lead to one of
   * {@code uppers}, both ends included, newest first.
   */
  public List<Revision> between(Revision lower, Collection<Revision> uppers) {
    int[] tops = new int[uppers.size()];
    int k = 0;
    for (Revision r : uppers) {
      tops[k++] = index(r);
    }
    BitSet set = walk(tops, false, false);
    if (lower != null) {
      set.and(walk(new int[] {index(lower)}, true, false));
    }
    List<Revision> out = new ArrayList<>(set.cardinality());
    for (int i = set.previousSetBit(set.length() - 1); i >= 0; i = set.previousSetBit(i - 1)) {
      out.add(revisions.get(i));
    }
    return out;
  }

  /** Whether two revisions lie on one line of descent (either is an ancestor of the other). */
  boolean sharesLineage(int a, int b) {
    return walk(new int[] {b}, false, true).get(a) || walk(new int[] {b}, true, true).get(a);
  }
}
