package retort.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Catalog;
import retort.catalog.DbObject;
import retort.catalog.Kind;
import retort.catalog.ObjectId;

/**
 * Compares two catalogs and makes the plan that takes the first (head) to the second (declared):
 * each object compared by the comparer of its kind, objects whose container is replaced replaced
 * with it, objects that depend on a replaced one rebuilt around it, comments and privileges
 * brought in line, then everything ordered (see {@link Ordering}).
 */
public final class Differ {

  private final Context context;
  private final List<Node> nodes = new ArrayList<>();
  private final Map<ObjectId, List<Node>> byTarget = new HashMap<>();
  /** Pairs of steps that a comparer returned in this order, as {from seq, to seq}. */
  private final List<int[]> chains = new ArrayList<>();

  private Differ(Catalog from, Catalog to, Options options) {
    this.context = new Context(from, to, options);
  }

  /** The plan that takes {@code from} to {@code to}. */
  public static Plan diff(Catalog from, Catalog to, Options options) {
    Renames renames = Renames.resolve(from, to, options.renames());
    Differ differ = new Differ(renames.head(), to, options);
    differ.renames(renames);
    return differ.run();
  }

  /**
   * Whether the differ compares objects of this one's kind (and of its container's), so that a plan
   * changes it; kinds read but not compared yet are only warned about.
   */
  public static boolean compares(DbObject o, Catalog side) {
    return comparer(o) != null && new Differ(side, side, Options.defaults()).comparedContainer(o);
  }

  private Plan run() {
    Catalog h = context.from();
    Catalog d = context.to();
    TreeSet<ObjectId> ids = new TreeSet<>(h.objects().keySet());
    ids.addAll(d.objects().keySet());
    for (ObjectId id : ids) {
      compare(id, h.get(id), d.get(id));
    }
    propagate(new ArrayList<>(replacedIds()));
    rebuildDependents();
    new Aspects(context, this).add();
    Renames.suggest(context, this);
    return Ordering.order(context, nodes, chains);
  }

  // ---- what the passes share

  Context context() {
    return context;
  }

  List<Node> steps(ObjectId target) {
    return byTarget.getOrDefault(target, List.of());
  }

  boolean has(ObjectId target, Origin origin) {
    for (Node n : steps(target)) {
      if (n.origin == origin) {
        return true;
      }
    }
    return false;
  }

  /** Adds steps that must run in the order given. */
  void add(Origin origin, List<Step> steps) {
    Node previous = null;
    for (Step s : steps) {
      Node n = new Node(nodes.size(), origin, s);
      nodes.add(n);
      byTarget.computeIfAbsent(s.target(), k -> new ArrayList<>()).add(n);
      if (previous != null) {
        chains.add(new int[] {previous.seq, n.seq});
      }
      previous = n;
    }
  }

  /** Orders two steps: {@code before} runs before {@code after}. */
  void edge(Node before, Node after) {
    chains.add(new int[] {before.seq, after.seq});
  }

  private void remove(ObjectId target, Origin origin) {
    List<Node> list = byTarget.get(target);
    if (list != null) {
      for (Node n : list) {
        if (n.origin == origin) {
          n.step = n.step.withUp(List.of()).withDown(List.of());   // keeps sequence numbers stable
        }
      }
      list.removeIf(n -> n.origin == origin);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparer<DbObject> comparer(DbObject o) {
    return (Comparer) Comparers.of(o);
  }

  // ---- pass 1: each object by its comparer

  private void compare(ObjectId id, DbObject a, DbObject b) {
    Comparer<DbObject> c = comparer(a != null ? a : b);
    if (c != null && !comparedContainer(a != null ? a : b)) {
      return;                                       // a domain's constraint: the domain is not compared yet
    }
    if (c == null) {
      if (a == null || b == null || !a.equals(b)) {
        context.warn("not compared yet: " + id.kind().name().toLowerCase().replace('_', ' ') + " " + id
            + (a == null ? " (only declared)" : b == null ? " (only at head)" : " (differs)"));
      }
      return;
    }
    if (a == null) {
      add(Origin.CREATE, c.create(b, context.to(), context));
    } else if (b == null) {
      add(Origin.DROP, c.drop(a, context.from(), context));
    } else if (!a.equals(b)) {
      List<Step> steps = a.getClass() == b.getClass() ? c.alter(a, b, context) : null;
      if (steps == null) {
        replace(c, a, b);
      } else {
        add(Origin.ALTER, steps);
      }
    }
  }

  /** Whether the object's container (if any) is of a kind that is compared. */
  boolean comparedContainer(DbObject o) {
    if (o.container() == null) {
      return true;
    }
    DbObject container = context.from().get(o.container());
    if (container == null) {
      container = context.to().get(o.container());
    }
    return container == null || comparer(container) != null && comparedContainer(container);
  }

  private void replace(Comparer<DbObject> c, DbObject a, DbObject b) {
    context.replaced(a.id());
    remove(a.id(), Origin.ALTER);
    add(Origin.DROP, c.drop(a, context.from(), context));
    add(Origin.CREATE, comparer(b).create(b, context.to(), context));
  }

  private Set<ObjectId> replacedIds() {
    Set<ObjectId> out = new TreeSet<>();
    for (ObjectId id : byTarget.keySet()) {
      if (context.isReplaced(id)) {
        out.add(id);
      }
    }
    return out;
  }

  // ---- pass 2: what a replaced object contains is replaced with it

  private void propagate(List<ObjectId> seeds) {
    Deque<ObjectId> queue = new ArrayDeque<>(seeds);
    while (!queue.isEmpty()) {
      ObjectId x = queue.poll();
      Set<ObjectId> kids = new TreeSet<>(context.from().children(x));
      kids.addAll(context.to().children(x));
      for (ObjectId child : kids) {
        DbObject a = context.from().get(child);
        DbObject b = context.to().get(child);
        if (a == null || b == null || context.isReplaced(child) || comparer(a) == null) {
          continue;
        }
        replace(comparer(a), a, b);
        queue.add(child);
      }
    }
  }

  // ---- pass 3: what depends on a replaced object (or on a column whose type changes) is rebuilt

  private void rebuildDependents() {
    Deque<ObjectId> queue = new ArrayDeque<>(replacedIds());
    for (Node n : nodes) {
      if (n.step.invalidates()) {
        queue.add(n.step.target());
      }
    }
    Set<ObjectId> rebuilt = new HashSet<>();
    while (!queue.isEmpty()) {
      ObjectId x = queue.poll();
      boolean replacedX = context.isReplaced(x);
      Set<ObjectId> dependents = new TreeSet<>(context.from().dependents(x));
      if (replacedX) {
        for (ObjectId child : context.from().children(x)) {
          dependents.addAll(context.from().dependents(child));   // a view's columns, say
        }
        dependents.removeAll(context.from().children(x));
      }
      for (ObjectId z : dependents) {
        DbObject a = context.from().get(z);
        DbObject b = context.to().get(z);
        if (b == null || context.isReplaced(z) || rebuilt.contains(z) || comparer(a) == null
            || z.equals(context.from().get(x).container())) {
          continue;
        }
        if (!replacedX && x.kind() == Kind.COLUMN && (z.kind() == Kind.INDEX || z.kind() == Kind.CONSTRAINT
            || z.kind() == Kind.SEQUENCE)) {
          continue;                                 // ALTER COLUMN TYPE rebuilds these itself
        }
        if (!replacedX && x.kind().type() && z.kind() == Kind.COLUMN && a.container().kind() == Kind.TABLE) {
          continue;                                 // the type's comparer casts its columns in place
        }
        if (z.kind() == Kind.COLUMN && a.container().kind() != Kind.TABLE) {
          z = a.container();                        // a view's column: the view is what is rebuilt
          a = context.from().get(z);
          b = context.to().get(z);
          if (b == null || context.isReplaced(z) || rebuilt.contains(z)) {
            continue;
          }
        }
        List<Step> steps = a.getClass() == b.getClass() ? comparer(a).rebuild(a, b, context) : null;
        rebuilt.add(z);
        context.rebuilding(true);
        if (steps != null) {
          add(Origin.REBUILD, steps);
        } else {
          replace(comparer(a), a, b);
          propagate(List.of(z));
          queue.add(z);
        }
        context.rebuilding(false);
      }
    }
  }

  // ---- renames

  private void renames(Renames renames) {
    for (Step s : renames.steps()) {
      add(Origin.RENAME, List.of(s));
    }
  }
}
