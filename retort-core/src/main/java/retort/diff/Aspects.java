package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import retort.catalog.Acl;
import retort.catalog.Catalog;
import retort.catalog.DbObject;
import retort.catalog.Kind;
import retort.catalog.ObjectId;

/**
 * Comments and privileges, for every kind of object. A created object gets them right after its
 * CREATE; a dropped one gets them back in the downgrade right after its re-creation; a kept one has
 * them changed in place. A relation's column privileges go with the relation's own, revokes first:
 * a table-wide REVOKE also takes back what was granted on its columns.
 */
final class Aspects {

  private final Context context;
  private final Differ differ;

  Aspects(Context context, Differ differ) {
    this.context = context;
    this.differ = differ;
  }

  void add() {
    Catalog h = context.from();
    Catalog d = context.to();
    TreeSet<ObjectId> ids = new TreeSet<>(h.objects().keySet());
    ids.addAll(d.objects().keySet());
    for (ObjectId id : ids) {
      DbObject a = h.get(id);
      DbObject b = d.get(id);
      if (Comparers.of(a != null ? a : b) == null || id.kind() == Kind.DEFAULT_ACL
          || !differ.comparedContainer(a != null ? a : b)) {
        continue;
      }
      boolean created = differ.has(id, Origin.CREATE);
      boolean dropped = differ.has(id, Origin.DROP);
      if (dropped && a != null) {
        List<String> restore = statements(a, null, h.comment(id), null, h);
        if (!restore.isEmpty()) {
          Node n = add(Step.of(id, Action.ATTRIBUTE, "comment and privileges", List.of(), restore));
          for (Node drop : differ.steps(id)) {
            if (drop.origin == Origin.DROP) {
              differ.edge(n, drop);
            }
          }
          roles(n, h, a, true);
        }
      }
      if (created && b != null) {
        List<String> set = statements(b, null, d.comment(id), null, d);
        if (!set.isEmpty()) {
          List<Node> creates = new ArrayList<>();
          for (Node c : differ.steps(id)) {
            if (c.origin == Origin.CREATE) {
              creates.add(c);
            }
          }
          Node n = add(Step.of(id, Action.ATTRIBUTE, "comment and privileges", set, List.of()));
          for (Node c : creates) {
            differ.edge(c, n);
          }
          roles(n, d, b, false);
        }
      }
      if (!created && !dropped && a != null && b != null) {
        List<String> up = statements(b, h.comment(id), d.comment(id), h, d);
        if (!up.isEmpty()) {
          List<String> down = statements(a, d.comment(id), h.comment(id), d, h);
          Step step = Step.of(id, Action.ATTRIBUTE, "comment and privileges", up, down);
          for (ObjectId col : columns(id, h, d)) {
            if (!h.has(col) || context.isReplaced(col)) {
              step = step.needs(col);               // grants on a column follow its creation
            } else if (!d.has(col)) {
              step = step.releases(col);            // and revokes precede its drop; an altered column is neither
            }
          }
          Node n = add(step);
          roles(n, d, b, false);
          roles(n, h, a, true);
        }
      }
    }
  }

  /** The comment and privileges of an object just created as {@code side} has it. */
  static List<String> restore(DbObject o, Catalog side) {
    return statements(o, null, side.comment(o.id()), null, side);
  }

  private Node add(Step step) {
    differ.add(Origin.ASPECT, List.of(step));
    List<Node> list = differ.steps(step.target());
    return list.get(list.size() - 1);
  }

  /** Grants come after the roles they name are created; revokes before those roles are dropped. */
  private void roles(Node n, Catalog side, DbObject o, boolean beforeDrop) {
    List<Acl> acls = new ArrayList<>();
    acls.add(side.acl(o.id()));
    for (ObjectId col : side.children(o.id())) {
      acls.add(side.acl(col));
    }
    for (Acl acl : acls) {
      if (acl == null) {
        continue;
      }
      for (ObjectId role : Privileges.roles(acl)) {
        for (Node r : differ.steps(role)) {
          if (beforeDrop && r.origin == Origin.DROP) {
            differ.edge(n, r);
          } else if (!beforeDrop && r.origin == Origin.CREATE) {
            differ.edge(r, n);
          }
        }
      }
    }
  }

  /** A relation's columns on either side. */
  private static TreeSet<ObjectId> columns(ObjectId relation, Catalog a, Catalog b) {
    TreeSet<ObjectId> out = new TreeSet<>();
    for (Catalog side : List.of(a, b)) {
      for (ObjectId child : side.children(relation)) {
        if (child.kind() == Kind.COLUMN) {
          out.add(child);
        }
      }
    }
    return out;
  }

  private static Acl acl(Catalog c, ObjectId id) {
    Acl acl = c.acl(id);
    return acl == null ? Acl.EMPTY : acl;
  }

  /**
   * The statements that change an object's comment from {@code commentBefore} to {@code commentAfter}
   * and its privileges (a relation's with its columns') from those in {@code before} (null: those of a
   * new object, by the defaults in force in {@code after}) to those in {@code after}.
   */
  private static List<String> statements(DbObject o, String commentBefore, String commentAfter, Catalog before,
      Catalog after) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(commentBefore, commentAfter)) {
      out.add("COMMENT ON " + Sql.ref(o) + " IS " + Sql.literal(commentAfter));
    }
    ObjectId id = o.id();
    if (id.kind() == Kind.COLUMN) {
      return out;
    }
    Acl from = before == null ? Privileges.initial(o, after) : acl(before, id);
    Acl to = acl(after, id);
    List<String> revokes = new ArrayList<>();
    List<String> grants = new ArrayList<>();
    if (after.acl(id) != null || !to.equals(from)) {
      Privileges.Change c = Privileges.change(from, to, Sql.grantRef(o), null);
      revokes.addAll(c.revokes());
      grants.addAll(c.grants());
    }
    for (ObjectId col : before == null ? columns(id, after, after) : columns(id, before, after)) {
      DbObject column = after.has(col) ? after.get(col) : before.get(col);
      Privileges.Change c = Privileges.change(before == null ? Acl.EMPTY : acl(before, col), acl(after, col),
          Sql.grantRef(column), col.quotedMember());
      revokes.addAll(c.revokes());
      grants.addAll(c.grants());
    }
    out.addAll(revokes);
    out.addAll(grants);
    return out;
  }
}
