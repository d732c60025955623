package retort.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Catalog;
import retort.catalog.Constraint;
import retort.catalog.DbObject;
import retort.catalog.DefaultAcl;
import retort.catalog.Kind;
import retort.catalog.ObjectId;
import retort.catalog.Sequence;

/**
 * Puts a plan's steps in an order PostgreSQL accepts, and the same order every time. Creates follow
 * what they depend on in the declared schema; drops precede the drop of what they depended on at
 * head; an object's parts follow its creation and precede its drop; a dropped name is free before it
 * is taken again. Among the steps that may run next, the order is: phase, then creations before
 * drops, then by object, so that a table's columns, indexes and comments follow it.
 */
final class Ordering {

  private final Context context;
  private final List<Node> nodes;
  private final Map<ObjectId, List<Node>> byTarget = new HashMap<>();
  private final Map<Node, Set<Node>> after = new HashMap<>();
  private final Map<Node, Integer> incoming = new HashMap<>();

  private Ordering(Context context, List<Node> nodes) {
    this.context = context;
    this.nodes = nodes;
    for (Node n : nodes) {
      byTarget.computeIfAbsent(n.step.target(), k -> new ArrayList<>()).add(n);
    }
  }

  static Plan order(Context context, List<Node> nodes, List<int[]> chains) {
    Ordering o = new Ordering(context, nodes);
    o.cover();
    for (int[] c : chains) {
      o.edge(nodes.get(c[0]), nodes.get(c[1]));
    }
    o.edges();
    return Segmenter.segments(o.sort(), context.warnings());
  }

  // ---- coverage: what a container's create or drop already does

  /**
   * A part of a created container is dropped with it in the downgrade; a part of a dropped container
   * is dropped with it in the upgrade. Parts created inline (a new table's columns) are written in
   * the container's own statement and order with it.
   */
  private void cover() {
    for (Node n : nodes) {
      if (n.origin != Origin.CREATE && n.origin != Origin.DROP) {
        continue;
      }
      boolean create = n.origin == Origin.CREATE;
      Catalog side = create ? context.to() : context.from();
      DbObject o = side.get(n.step.target());
      if (o == null || o.container() == null) {
        continue;
      }
      Node container = first(o.container(), n.origin);
      if (container == null) {
        continue;
      }
      boolean inline = Comparers.inline(o);
      if (inline) {
        n.step = n.step.withUp(List.of()).withDown(List.of());
        n.merged = container;
      } else if (!reachesOutside(o, side, n.origin)) {
        n.step = create ? n.step.withDown(List.of()) : n.step.withUp(List.of());
      }
    }
  }

  /**
   * Whether a part depends on something outside its container that the plan also creates (or drops):
   * then the container's drop alone does not come early enough (a trigger would still hold on to a
   * function dropped before its table), so the part is dropped by a statement of its own.
   */
  private boolean reachesOutside(DbObject part, Catalog side, Origin origin) {
    for (ObjectId y : side.dependsOn(part.id())) {
      if (!inside(y, part.container(), side) && first(y, origin) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean inside(ObjectId id, ObjectId container, Catalog side) {
    ObjectId current = id;
    for (int i = 0; i < 8 && current != null; i++) {
      if (current.equals(container)) {
        return true;
      }
      DbObject o = side.get(current);
      current = o == null ? null : o.container();
    }
    return false;
  }

  private Node first(ObjectId target, Origin origin) {
    for (Node n : byTarget.getOrDefault(target, List.of())) {
      if (n.origin == origin) {
        return n;
      }
    }
    return null;
  }

  private List<Node> steps(ObjectId target) {
    return byTarget.getOrDefault(target, List.of());
  }

  // ---- edges

  private void edge(Node before, Node afterNode) {
    Node a = before.root();
    Node b = afterNode.root();
    if (a == b) {
      return;
    }
    if (after.computeIfAbsent(a, k -> new HashSet<>()).add(b)) {
      incoming.merge(b, 1, Integer::sum);
    }
  }

  private void edges() {
    Catalog h = context.from();
    Catalog d = context.to();
    Map<String, List<Node>> creatorsByName = new HashMap<>();
    List<Node> defaultAcls = new ArrayList<>();
    for (Node n : nodes) {
      if (n.origin == Origin.CREATE) {
        for (String key : collisionKeys(d.get(n.step.target()))) {
          creatorsByName.computeIfAbsent(key, k -> new ArrayList<>()).add(n);
        }
      }
      if (n.step.target().kind() == Kind.DEFAULT_ACL) {
        defaultAcls.add(n);
      }
    }
    for (Node n : nodes) {
      ObjectId x = n.step.target();
      Action action = n.step.action();
      if (action == Action.CREATE || action == Action.ALTER) {
        for (ObjectId y : d.dependsOn(x)) {
          for (Node m : steps(y)) {
            if (m.step.action() == Action.CREATE
                || m.step.action() == Action.ALTER && (y.kind() != Kind.COLUMN || m.step.invalidates())) {
              edge(m, n);                           // a column's NOT NULL or default does not hold others back
            }
          }
        }
      }
      if (action == Action.DROP || action == Action.ALTER) {
        for (ObjectId y : h.dependsOn(x)) {
          for (Node m : steps(y)) {
            if (m.step.action() == Action.DROP) {
              edge(n, m);
            }
          }
        }
      }
      for (ObjectId y : n.step.needs()) {
        for (Node m : steps(y)) {
          if (m.step.action() == Action.CREATE || m.step.action() == Action.ALTER) {
            edge(m, n);
          }
        }
      }
      for (ObjectId y : n.step.releases()) {
        for (Node m : steps(y)) {
          if (m.step.action() == Action.DROP || m.step.action() == Action.ALTER) {
            edge(n, m);
          }
        }
      }
      if (n.step.invalidates()) {
        for (ObjectId z : h.dependents(x)) {
          for (Node m : steps(z)) {
            if (m.step.action() == Action.DROP) {
              edge(m, n);
            }
          }
        }
      }
      containers(n, h, d);
      if (n.origin == Origin.DROP) {
        for (String key : collisionKeys(h.get(x))) {
          for (Node m : creatorsByName.getOrDefault(key, List.of())) {
            edge(n, m);
          }
        }
      }
      if (n.origin == Origin.RENAME) {
        for (Node m : nodes) {
          if (m != n && within(m.step.target(), x)) {
            edge(n, m);
          }
        }
      }
    }
    for (Node acl : defaultAcls) {
      DefaultAcl governing = (DefaultAcl) Objects.requireNonNullElse(d.get(acl.step.target()), h.get(acl.step.target()));
      for (Node m : nodes) {
        ObjectId t = m.step.target();
        if (!governing.objects().equals(Privileges.objects(t.kind()))
            || (governing.id().schema() != null && !governing.id().schema().equals(t.schema()))) {
          continue;
        }
        if (m.origin == Origin.CREATE) {
          edge(acl, m);
        } else if (m.origin == Origin.DROP) {
          edge(m, acl);
        }
      }
    }
  }

  /** A part is created after its container is created or changed, and dropped before. */
  private void containers(Node n, Catalog h, Catalog d) {
    if (d.get(n.step.target()) instanceof Sequence s && !s.identity()
        || h.get(n.step.target()) instanceof Sequence t && !t.identity()) {
      return;                                       // created before its column, which then owns it
    }
    if (n.origin == Origin.CREATE || n.origin == Origin.REBUILD && n.step.action() == Action.CREATE) {
      DbObject o = d.get(n.step.target());
      if (o != null && o.container() != null) {
        for (Node c : steps(o.container())) {
          if (c.origin == Origin.CREATE || c.origin == Origin.ALTER) {
            edge(c, n);
          }
        }
      }
    }
    if (n.origin == Origin.DROP || n.origin == Origin.REBUILD && n.step.action() == Action.DROP) {
      DbObject o = h.get(n.step.target());
      if (o != null && o.container() != null) {
        for (Node c : steps(o.container())) {
          if (c.origin == Origin.DROP || c.origin == Origin.ALTER) {
            edge(n, c);
          }
        }
      }
    }
  }

  /** Whether {@code id} is {@code x} or lies inside it (a column of a renamed table, a table of a renamed schema). */
  private boolean within(ObjectId id, ObjectId x) {
    if (id.equals(x)) {
      return true;
    }
    if (x.kind() == Kind.SCHEMA) {
      return x.name().equals(id.schema());
    }
    DbObject o = context.to().get(id);
    if (o == null) {
      o = context.from().get(id);
    }
    return o != null && o.container() != null && within(o.container(), x);
  }

  /**
   * The names an object takes in the namespaces PostgreSQL keeps: relations and types share one per
   * schema (a table also makes a row type), an index-backed constraint takes an index name too.
   */
  private static List<String> collisionKeys(DbObject o) {
    if (o == null) {
      return List.of();
    }
    ObjectId id = o.id();
    String sn = id.schema() + "." + id.name();
    return switch (id.kind()) {
      case TABLE, VIEW, MATVIEW, COMPOSITE -> List.of("rel " + sn, "type " + sn);
      case SEQUENCE, INDEX -> List.of("rel " + sn);
      case ENUM, DOMAIN, RANGE -> List.of("type " + sn);
      case CONSTRAINT -> o instanceof Constraint c && c.hasIndex()
          ? List.of("con " + id, "rel " + id.schema() + "." + id.member()) : List.of("con " + id);
      case FUNCTION, PROCEDURE, AGGREGATE -> List.of("proc " + id);
      default -> List.of(id.kind() + " " + id);
    };
  }

  // ---- the sort

  private List<Step> sort() {
    List<Node> roots = new ArrayList<>();
    for (Node n : nodes) {
      if (n.root() == n) {
        roots.add(n);
      }
    }
    Map<Node, Object[]> keys = new HashMap<>();
    for (Node n : roots) {
      keys.put(n, key(n));
    }
    Comparator<Node> priority = (a, b) -> compareKeys(keys.get(a), keys.get(b));
    PriorityQueue<Node> ready = new PriorityQueue<>(priority);
    for (Node n : roots) {
      if (incoming.getOrDefault(n, 0) == 0) {
        ready.add(n);
      }
    }
    Map<Node, List<Node>> members = new HashMap<>();
    for (Node n : nodes) {
      members.computeIfAbsent(n.root(), k -> new ArrayList<>()).add(n);
    }
    List<Step> out = new ArrayList<>();
    Set<Node> done = new HashSet<>();
    while (!ready.isEmpty()) {
      Node n = ready.poll();
      done.add(n);
      for (Node m : members.get(n)) {
        out.add(m.step);
      }
      for (Node next : after.getOrDefault(n, Set.of())) {
        if (incoming.merge(next, -1, Integer::sum) == 0) {
          ready.add(next);
        }
      }
    }
    if (done.size() != roots.size()) {
      TreeSet<String> stuck = new TreeSet<>();
      for (Node n : roots) {
        if (!done.contains(n)) {
          stuck.add(n.step.what() + " " + n.step.target());
        }
      }
      throw new PlanException("the changes depend on each other in a cycle: " + String.join("; ", stuck),
          "make the change in two revisions: first the part that breaks the cycle, then the rest");
    }
    return out;
  }

  /** The priority of a step among those that may run next; unique, so the order is the same every time. */
  private Object[] key(Node n) {
    Step s = n.step;
    boolean drop = s.action() == Action.DROP;
    ObjectId top = top(s.target(), drop ? context.from() : context.to());
    int topRank = top.kind().ordinal();
    int rank = s.target().kind().ordinal();
    return new Object[] {s.phase(), drop ? 1 : 0, drop ? -topRank : topRank, top, drop ? -rank : rank,
        s.target(), n.seq};
  }

  private static ObjectId top(ObjectId id, Catalog side) {
    ObjectId current = id;
    for (int i = 0; i < 8; i++) {
      DbObject o = side.get(current);
      if (o == null || o.container() == null) {
        return current;
      }
      current = o.container();
    }
    return current;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = ((Comparable) a[i]).compareTo(b[i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
