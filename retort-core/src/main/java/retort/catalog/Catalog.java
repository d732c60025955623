package retort.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One database's schema objects as read at one moment: the objects by identity, their comments and
 * privileges, which object depends on which (from {@code pg_depend}, lifted to modelled objects), and
 * the objects of kinds Retort does not model yet, named so that they are reported, never dropped
 * silently. Immutable.
 */
public final class Catalog {

  private final int serverVersion;
  private final String currentUser;
  private final SortedMap<ObjectId, DbObject> objects;
  private final Map<ObjectId, String> comments;
  private final Map<ObjectId, Acl> acls;
  private final Map<ObjectId, String> owners;
  private final Map<ObjectId, SortedSet<ObjectId>> dependsOn;
  private final Map<ObjectId, SortedSet<ObjectId>> dependents;
  private final Map<ObjectId, List<ObjectId>> children;
  private final List<String> unmodelled;

  Catalog(int serverVersion, String currentUser, Map<ObjectId, DbObject> objects, Map<ObjectId, String> comments, Map<ObjectId, Acl> acls,
      Map<ObjectId, String> owners, Map<ObjectId, ? extends Set<ObjectId>> dependsOn, List<String> unmodelled) {
    this.serverVersion = serverVersion;
    this.currentUser = currentUser;
    this.objects = Collections.unmodifiableSortedMap(new TreeMap<>(objects));
    this.comments = Map.copyOf(comments);
    this.acls = Map.copyOf(acls);
    this.owners = Map.copyOf(owners);
    this.unmodelled = List.copyOf(unmodelled);
    Map<ObjectId, SortedSet<ObjectId>> on = new HashMap<>();
    Map<ObjectId, SortedSet<ObjectId>> by = new HashMap<>();
    for (Map.Entry<ObjectId, ? extends Set<ObjectId>> e : dependsOn.entrySet()) {
      if (!this.objects.containsKey(e.getKey())) {
        continue;
      }
      for (ObjectId ref : e.getValue()) {
        if (this.objects.containsKey(ref) && !ref.equals(e.getKey())) {
          on.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(ref);
          by.computeIfAbsent(ref, k -> new TreeSet<>()).add(e.getKey());
        }
      }
    }
    this.dependsOn = on;
    this.dependents = by;
    Map<ObjectId, List<ObjectId>> kids = new HashMap<>();
    for (DbObject o : this.objects.values()) {
      if (o.container() != null) {
        kids.computeIfAbsent(o.container(), k -> new ArrayList<>()).add(o.id());
      }
    }
    Comparator<ObjectId> byPosition = Comparator.comparing((ObjectId id) -> id.kind())
        .thenComparingInt(id -> this.objects.get(id) instanceof Column c ? c.position() : 0)
        .thenComparing(Comparator.naturalOrder());
    for (List<ObjectId> list : kids.values()) {
      list.sort(byPosition);
    }
    this.children = kids;
  }

  /** The server's version as {@code server_version_num}: 170006 for 17.6. */
  public int serverVersion() {
    return serverVersion;
  }

  /** The role that read the catalog: the one whose default privileges apply to what it creates. */
  public String currentUser() {
    return currentUser;
  }

  public SortedMap<ObjectId, DbObject> objects() {
    return objects;
  }

  public DbObject get(ObjectId id) {
    return objects.get(id);
  }

  public boolean has(ObjectId id) {
    return objects.containsKey(id);
  }

  /** The objects of one record type, in identity order. */
  public <T extends DbObject> List<T> all(Class<T> type) {
    List<T> out = new ArrayList<>();
    for (DbObject o : objects.values()) {
      if (type.isInstance(o)) {
        out.add(type.cast(o));
      }
    }
    return out;
  }

  /** The comment on an object, or null. */
  public String comment(ObjectId id) {
    return comments.get(id);
  }

  /** The privileges on an object, or null for an object that has none to speak of. */
  public Acl acl(ObjectId id) {
    return acls.get(id);
  }

  /** The role that owns an object, or null where ownership does not apply (a column, an index). */
  public String owner(ObjectId id) {
    return owners.get(id);
  }

  /** The objects this one depends on, in identity order. */
  public SortedSet<ObjectId> dependsOn(ObjectId id) {
    return dependsOn.getOrDefault(id, Collections.emptySortedSet());
  }

  /** The objects that depend on this one, in identity order. */
  public SortedSet<ObjectId> dependents(ObjectId id) {
    return dependents.getOrDefault(id, Collections.emptySortedSet());
  }

  /** The objects this one contains: columns in their order, then constraints, indexes, triggers. */
  public List<ObjectId> children(ObjectId id) {
    return children.getOrDefault(id, List.of());
  }

  /** The objects of kinds not modelled yet, as {@code kind name}. */
  public List<String> unmodelled() {
    return unmodelled;
  }

  /**
   * This catalog without the objects that match, nor anything they contain (the tables of Retort's
   * version and log, roles no side manages).
   */
  public Catalog without(Predicate<DbObject> drop) {
    Set<ObjectId> gone = new TreeSet<>();
    for (DbObject o : objects.values()) {
      if (drop.test(o)) {
        collect(o.id(), gone);
      }
    }
    if (gone.isEmpty()) {
      return this;
    }
    Map<ObjectId, DbObject> kept = new HashMap<>(objects);
    kept.keySet().removeAll(gone);
    Map<ObjectId, String> keptComments = new HashMap<>(comments);
    keptComments.keySet().removeAll(gone);
    Map<ObjectId, Acl> keptAcls = new HashMap<>(acls);
    keptAcls.keySet().removeAll(gone);
    Map<ObjectId, String> keptOwners = new HashMap<>(owners);
    keptOwners.keySet().removeAll(gone);
    return new Catalog(serverVersion, currentUser, kept, keptComments, keptAcls, keptOwners, dependsOn, unmodelled);
  }

  /**
   * This catalog with every identity mapped through {@code f}: the objects, what they contain, their
   * comments, privileges, owners and dependencies. Text the server printed (a view's query) is kept.
   */
  public Catalog renamed(java.util.function.UnaryOperator<ObjectId> f) {
    Map<ObjectId, DbObject> mapped = new HashMap<>();
    for (DbObject o : objects.values()) {
      DbObject m = Identities.map(o, f);
      mapped.put(m.id(), m);
    }
    Map<ObjectId, String> c = new HashMap<>();
    comments.forEach((k, v) -> c.put(f.apply(k), v));
    Map<ObjectId, Acl> a = new HashMap<>();
    acls.forEach((k, v) -> a.put(f.apply(k), v));
    Map<ObjectId, String> o = new HashMap<>();
    owners.forEach((k, v) -> o.put(f.apply(k), v));
    Map<ObjectId, Set<ObjectId>> deps = new HashMap<>();
    dependsOn.forEach((k, v) -> {
      Set<ObjectId> refs = new TreeSet<>();
      for (ObjectId r : v) {
        refs.add(f.apply(r));
      }
      deps.put(f.apply(k), refs);
    });
    return new Catalog(serverVersion, currentUser, mapped, c, a, o, deps, unmodelled);
  }

  private void collect(ObjectId id, Collection<ObjectId> into) {
    if (into.add(id)) {
      for (ObjectId child : children(id)) {
        collect(child, into);
      }
    }
  }
}
