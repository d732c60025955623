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
 * them changed in place.
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
      if (Comparers.of(a != null ? a : b) == null || id.kind() == Kind.DEFAULT_ACL) {
        continue;
      }
      boolean created = differ.has(id, Origin.CREATE);
      boolean dropped = differ.has(id, Origin.DROP);
      if (dropped && a != null) {
        List<String> restore = statements(a, h, null, Privileges.initial(a, h), h.comment(id), acl(h, id));
        if (!restore.isEmpty()) {
          Node n = add(Step.of(id, Action.ATTRIBUTE, "comment and privileges", List.of(), restore));
          for (Node drop : differ.steps(id)) {
            if (drop.origin == Origin.DROP) {
              differ.edge(n, drop);
            }
          }
          roles(n, h.acl(id), true);
        }
      }
      if (created && b != null) {
        List<String> set = statements(b, d, null, Privileges.initial(b, d), d.comment(id), acl(d, id));
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
          roles(n, d.acl(id), false);
        }
      }
      if (!created && !dropped && a != null && b != null) {
        List<String> up = statements(b, d, h.comment(id), acl(h, id), d.comment(id), acl(d, id));
        if (!up.isEmpty()) {
          List<String> down = statements(a, h, d.comment(id), acl(d, id), h.comment(id), acl(h, id));
          Node n = add(Step.of(id, Action.ATTRIBUTE, "comment and privileges", up, down));
          roles(n, d.acl(id), false);
          roles(n, h.acl(id), true);
        }
      }
    }
  }

  /** The comment and privileges of an object just created as {@code side} has it. */
  static List<String> restore(DbObject o, Catalog side) {
    return statements(o, side, null, Privileges.initial(o, side), side.comment(o.id()), acl(side, o.id()));
  }

  private static Acl acl(Catalog c, ObjectId id) {
    Acl acl = c.acl(id);
    return acl == null ? Acl.EMPTY : acl;
  }

  private Node add(Step step) {
    differ.add(Origin.ASPECT, List.of(step));
    List<Node> list = differ.steps(step.target());
    return list.get(list.size() - 1);
  }

  /** Grants come after the roles they name are created; revokes before those roles are dropped. */
  private void roles(Node n, Acl acl, boolean beforeDrop) {
    if (acl == null) {
      return;
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

  /**
   * The statements that change an object's comment from {@code commentBefore} to {@code commentAfter}
   * and its privileges from {@code before} to {@code after}.
   */
  private static List<String> statements(DbObject o, Catalog side, String commentBefore, Acl before,
      String commentAfter, Acl after) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(commentBefore, commentAfter)) {
      out.add("COMMENT ON " + Sql.ref(o) + " IS " + Sql.literal(commentAfter));
    }
    if (o.id().kind() == Kind.COLUMN) {
      out.addAll(Privileges.statements(before, after, Sql.grantRef(o), o.id().quotedMember()));
    } else if (side.acl(o.id()) != null || !after.equals(before)) {
      out.addAll(Privileges.statements(before, after, Sql.grantRef(o), null));
    }
    return out;
  }
}
