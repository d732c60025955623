package retort.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the row readers collect while a catalog is read: objects, their comments and privileges, and
 * for each catalog table ({@code pg_class}, {@code pg_type}, ...) which OID is which object, so that
 * the rows of {@code pg_depend} can be turned into dependencies between identities.
 */
final class CatalogBuilder {

  /** One row of pg_depend, lifted by the query to the catalogs Retort models. */
  record Dependency(String catalog, long oid, int sub, String refCatalog, long refOid, int refSub, char type) {}

  final Map<ObjectId, DbObject> objects = new HashMap<>();
  final Map<ObjectId, String> comments = new HashMap<>();
  final Map<ObjectId, Acl> acls = new HashMap<>();
  final Map<ObjectId, String> owners = new HashMap<>();
  final List<String> unmodelled = new ArrayList<>();
  final List<Dependency> dependencies = new ArrayList<>();
  /** Work that needs every row read first (a sequence's owning column). */
  final List<Runnable> finish = new ArrayList<>();
  /** The attributes of each composite type, by its relation's OID, as the columns query finds them. */
  final Map<Long, List<String>> composites = new HashMap<>();
  private final Map<String, Map<Long, ObjectId>> byOid = new HashMap<>();
  private final Map<Long, Map<Integer, ObjectId>> columns = new HashMap<>();
  private final int serverVersion;
  private final String currentUser;

  CatalogBuilder(int serverVersion, String currentUser) {
    this.serverVersion = serverVersion;
    this.currentUser = currentUser;
  }

  /** Records an object found in catalog table {@code catalog} under {@code oid}, with its comment and privileges. */
  void add(DbObject o, String catalog, long oid, String comment, Acl acl) {
    objects.put(o.id(), o);
    if (oid >= 0) {
      name(catalog, oid, o.id());
    }
    if (comment != null) {
      comments.put(o.id(), comment);
    }
    if (acl != null) {
      acls.put(o.id(), acl);
    }
  }

  /** Records the role that owns an object. */
  void owner(ObjectId id, String role) {
    if (role != null) {
      owners.put(id, role);
    }
  }

  /** Records that an OID of a catalog table stands for an object (a row type for its table, say). */
  void name(String catalog, long oid, ObjectId id) {
    byOid.computeIfAbsent(catalog, k -> new HashMap<>()).put(oid, id);
  }

  void column(long relation, int attnum, ObjectId id) {
    columns.computeIfAbsent(relation, k -> new HashMap<>()).put(attnum, id);
  }

  ObjectId find(String catalog, long oid) {
    Map<Long, ObjectId> m = byOid.get(catalog);
    return m == null ? null : m.get(oid);
  }

  ObjectId column(long relation, int attnum) {
    Map<Integer, ObjectId> m = columns.get(relation);
    return m == null ? null : m.get(attnum);
  }

  /** The object a (catalog, oid, sub-id) triple stands for: a column when the sub-id names one. */
  private ObjectId resolve(String catalog, long oid, int sub) {
    if (sub > 0 && catalog.equals("pg_class")) {
      ObjectId c = column(oid, sub);
      if (c != null) {
        return c;
      }
    }
    return find(catalog, oid);
  }

  Catalog build() {
    for (Runnable r : finish) {
      r.run();
    }
    Map<ObjectId, Set<ObjectId>> deps = new HashMap<>();
    for (Dependency d : dependencies) {
      ObjectId from = resolve(d.catalog(), d.oid(), d.sub());
      ObjectId to = resolve(d.refCatalog(), d.refOid(), d.refSub());
      if (from == null || to == null || from.equals(to)) {
        continue;
      }
      if (from.kind() == Kind.SEQUENCE && to.kind() == Kind.COLUMN && d.type() == 'a') {
        continue;                                   // OWNED BY: modelled on the sequence, and it cycles with the default
      }
      deps.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
    }
    return new Catalog(serverVersion, currentUser, objects, comments, acls, owners, deps, unmodelled);
  }
}
