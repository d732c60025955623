package retort.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.Kind;
import retort.catalog.Names;
import retort.catalog.ObjectId;
import retort.catalog.Routine;

/**
 * Rename hints: each turns what would be a drop and a create into a rename, by seeing head as it
 * will be after the rename. A hint that matches nothing is an error. Without hints nothing is ever
 * renamed; a dropped and a created object of the same shape are only reported as a possible rename.
 */
final class Renames {

  private final Catalog head;
  private final List<Step> steps;

  private Renames(Catalog head, List<Step> steps) {
    this.head = head;
    this.steps = steps;
  }

  /** Head as it is after the renames. */
  Catalog head() {
    return head;
  }

  /** The renames, in the order they run. */
  List<Step> steps() {
    return steps;
  }

  static Renames resolve(Catalog from, Catalog to, List<Rename> hints) {
    Catalog head = from;
    List<Step> steps = new ArrayList<>();
    List<Rename> ordered = new ArrayList<>(hints);
    ordered.sort(Comparator.comparingInt((Rename r) -> r.from().split("\\.").length));
    for (Rename hint : ordered) {
      DbObject old = find(head, hint.from());
      if (old == null) {
        old = find(from, hint.from());
        old = old == null ? null : head.get(old.id());
      }
      if (old == null) {
        throw new PlanException("--rename " + hint + ": nothing named " + hint.from() + " at head",
            "name the object as it is at head (schema.table, schema.table.column, schema, schema.type)");
      }
      DbObject target = find(to, hint.to());
      if (target == null || target.id().kind() != old.id().kind()) {
        throw new PlanException("--rename " + hint + ": no " + kindWord(old.id()) + " named " + hint.to()
            + " in the declared schema", "name the " + kindWord(old.id()) + " as the schema files declare it");
      }
      if (to.has(old.id())) {
        throw new PlanException("--rename " + hint + ": " + hint.from() + " is still declared",
            "remove it from the schema files, or drop the hint");
      }
      if (head.has(target.id())) {
        throw new PlanException("--rename " + hint + ": " + hint.to() + " already exists at head",
            "renames onto an existing name (swaps) are not supported yet; rename in two revisions");
      }
      ObjectId a = old.id();
      ObjectId b = target.id();
      steps.add(step(old, b));
      head = head.renamed(mapping(a, b));
    }
    return new Renames(head, steps);
  }

  private static String kindWord(ObjectId id) {
    return id.kind().name().toLowerCase().replace('_', ' ');
  }

  /** The object a person's name for it denotes: {@code s.t}, {@code s.t.c}, {@code s}, {@code s.f} for a routine. */
  private static DbObject find(Catalog c, String name) {
    DbObject found = null;
    for (DbObject o : c.objects().values()) {
      ObjectId id = o.id();
      boolean match = id.toString().equals(name)
          || (id.kind().routine() && (id.schema() + "." + id.name()).equals(name));
      if (match && id.kind() != Kind.DEFAULT_ACL) {
        if (found != null && !id.kind().routine()) {
          return found;                             // a table beats nothing else of the same name
        }
        found = o;
      }
    }
    return found;
  }

  /** Every identity as it reads after {@code a} is renamed {@code b}. */
  private static UnaryOperator<ObjectId> mapping(ObjectId a, ObjectId b) {
    return id -> {
      if (id.equals(a)) {
        return b;
      }
      if (a.kind() == Kind.SCHEMA && a.name().equals(id.schema())) {
        return new ObjectId(id.kind(), b.name(), id.name(), id.member());
      }
      if (a.member() == null && a.schema() != null && id.kind().member() && Objects.equals(a.schema(), id.schema())
          && a.name().equals(id.name())) {
        return ObjectId.member(id.kind(), b.schema(), b.name(), id.member());
      }
      return id;
    };
  }

  private static Step step(DbObject old, ObjectId to) {
    ObjectId from = old.id();
    List<String> up = new ArrayList<>();
    List<String> down = new ArrayList<>();
    String what = "rename " + kindWord(from);
    switch (from.kind()) {
      case SCHEMA -> {
        up.add("ALTER SCHEMA " + from.qualified() + " RENAME TO " + to.qualified());
        down.add("ALTER SCHEMA " + to.qualified() + " RENAME TO " + from.qualified());
      }
      case COLUMN, CONSTRAINT -> {
        String word = from.kind() == Kind.COLUMN ? "COLUMN" : "CONSTRAINT";
        String table = (from.kind() == Kind.CONSTRAINT && old.container().kind() == Kind.DOMAIN ? "DOMAIN " : "TABLE ")
            + to.qualifiedRelation();
        up.add("ALTER " + table + " RENAME " + word + " " + from.quotedMember() + " TO " + to.quotedMember());
        down.add("ALTER " + table + " RENAME " + word + " " + to.quotedMember() + " TO " + from.quotedMember());
      }
      case TRIGGER, POLICY -> {
        String word = from.kind().word();
        up.add("ALTER " + word + " " + from.quotedMember() + " ON " + to.qualifiedRelation() + " RENAME TO "
            + to.quotedMember());
        down.add("ALTER " + word + " " + to.quotedMember() + " ON " + to.qualifiedRelation() + " RENAME TO "
            + from.quotedMember());
      }
      default -> {
        String word = switch (from.kind()) {
          case ENUM, RANGE, COMPOSITE -> "TYPE";
          default -> from.kind().word();
        };
        String oldRef = from.kind().routine() ? Sql.routine((Routine) old) : from.qualified();
        String args = from.kind().routine() ? "(" + ((Routine) old).signature() + ")" : "";
        String moved = Names.qualified(to.schema(), from.name()) + args;
        if (!Objects.equals(from.schema(), to.schema())) {
          up.add("ALTER " + word + " " + oldRef + " SET SCHEMA " + Names.quote(to.schema()));
        }
        if (!from.name().equals(to.name())) {
          up.add("ALTER " + word + " " + moved + " RENAME TO " + Names.quote(to.name()));
          down.add("ALTER " + word + " " + to.qualified() + args + " RENAME TO " + Names.quote(from.name()));
        }
        if (!Objects.equals(from.schema(), to.schema())) {
          down.add("ALTER " + word + " " + moved + " SET SCHEMA " + Names.quote(from.schema()));
        }
      }
    }
    return Step.of(to, Action.ALTER, what + " " + from + " to " + to, up, down);
  }

  /** Reports dropped and created objects of the same shape as possible renames. */
  static void suggest(Context context, Differ differ) {
    Catalog h = context.from();
    Catalog d = context.to();
    for (DbObject a : h.objects().values()) {
      if (d.has(a.id()) || !differ.has(a.id(), Origin.DROP) || !suggestible(a.id().kind())) {
        continue;
      }
      for (DbObject b : d.objects().values()) {
        if (h.has(b.id()) || b.id().kind() != a.id().kind() || !Objects.equals(a.container(), b.container())
            || !Objects.equals(a.id().schema(), b.id().schema())) {
          continue;
        }
        if (sameShape(h, a, d, b)) {
          context.warn("possible rename: " + a.id() + " -> " + b.id() + " is dropped and created with the same shape;"
              + " to keep its data pass --rename " + a.id() + "=" + b.id());
        }
      }
    }
  }

  private static boolean suggestible(Kind kind) {
    return kind == Kind.TABLE || kind == Kind.COLUMN || kind == Kind.VIEW || kind == Kind.MATVIEW
        || kind == Kind.ENUM || kind == Kind.SEQUENCE || kind == Kind.DOMAIN;
  }

  private static boolean sameShape(Catalog h, DbObject a, Catalog d, DbObject b) {
    Catalog moved = h.renamed(mapping(a.id(), b.id()));
    if (!Objects.equals(moved.get(b.id()), b)) {
      return false;
    }
    if (a.id().kind() != Kind.TABLE) {
      return true;
    }
    List<String> left = new ArrayList<>();
    for (ObjectId c : moved.children(b.id())) {
      if (moved.get(c) instanceof Column col) {
        left.add(col.id().member() + " " + col.type() + " " + col.notNull());
      }
    }
    List<String> right = new ArrayList<>();
    for (ObjectId c : d.children(b.id())) {
      if (d.get(c) instanceof Column col) {
        right.add(col.id().member() + " " + col.type() + " " + col.notNull());
      }
    }
    return !left.isEmpty() && left.equals(right);
  }
}
