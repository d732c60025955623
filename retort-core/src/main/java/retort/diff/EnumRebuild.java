package retort.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.Kind;
import retort.catalog.Names;
import retort.catalog.ObjectId;

/**
 * The statements that rebuild an enum type with other labels in a database that is otherwise as a
 * catalog has it: what depends on the type (or on its columns) dropped, the type renamed aside and
 * created anew, the columns cast through text, the old type dropped, the dependents created again.
 * Used where a downgrade must take back added values.
 */
final class EnumRebuild {

  private EnumRebuild() {}

  /** The columns of kept tables whose type is the enum (or an array of it) on both sides. */
  static List<Column> columns(ObjectId type, Catalog from, Catalog to) {
    List<Column> out = new ArrayList<>();
    for (ObjectId id : from.dependents(type)) {
      if (from.get(id) instanceof Column c && c.container().kind() == Kind.TABLE && to.get(id) instanceof Column d
          && isOf(c, type) && isOf(d, type) && to.has(c.container())) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean isOf(Column c, ObjectId type) {
    String t = c.type();
    return t.equals(type.qualified()) || t.equals(type.qualified() + "[]");
  }

  /** {@code ALTER TABLE ... ALTER COLUMN c TYPE target USING c::text::target} (arrays through text[]). */
  static String cast(Column c, String target) {
    boolean array = c.type().endsWith("[]");
    String type = target + (array ? "[]" : "");
    return "ALTER TABLE " + c.id().qualifiedRelation() + " ALTER COLUMN " + Sql.column(c) + " TYPE " + type
        + " USING " + Sql.column(c) + (array ? "::text[]::" : "::text::") + type;
  }

  /**
   * Rebuilds {@code type} from {@code current} labels to {@code target} labels in a database that has
   * the objects of the context's head catalog.
   */
  static List<String> statements(ObjectId type, List<String> current, List<String> target, Context context) {
    Catalog side = context.from();
    Context plain = new Context(side, side, new Options(false, List.of()));
    List<Column> columns = columns(type, side, side);
    List<DbObject> dependents = dependents(type, columns, side);
    String aside = Names.qualified(type.schema(), type.name() + EnumComparer.ASIDE);
    List<String> out = new ArrayList<>();
    for (int i = dependents.size() - 1; i >= 0; i--) {
      out.addAll(up(Comparers.of(dependents.get(i)), dependents.get(i), side, plain, false));
    }
    for (Column c : columns) {
      if (c.defaultExpr() != null) {
        out.add("ALTER TABLE " + c.id().qualifiedRelation() + " ALTER COLUMN " + Sql.column(c) + " DROP DEFAULT");
      }
    }
    out.add("ALTER TYPE " + type.qualified() + " RENAME TO " + Names.quote(type.name() + EnumComparer.ASIDE));
    out.add(EnumComparer.create(type, target));
    for (Column c : columns) {
      out.add(cast(c, type.qualified()));
    }
    for (Column c : columns) {
      if (c.defaultExpr() != null) {
        out.add("ALTER TABLE " + c.id().qualifiedRelation() + " ALTER COLUMN " + Sql.column(c) + " SET DEFAULT "
            + c.defaultExpr());
      }
    }
    out.add("DROP TYPE " + aside);
    for (DbObject d : dependents) {
      out.addAll(up(Comparers.of(d), d, side, plain, true));
      out.addAll(Aspects.restore(d, side));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<String> up(Comparer c, DbObject o, Catalog side, Context context, boolean create) {
    List<String> out = new ArrayList<>();
    List<Step> steps = create ? c.create(o, side, context) : c.drop(o, side, context);
    for (Step s : steps) {
      out.addAll(s.up());
    }
    return out;
  }

  /**
   * What must be dropped for the type and its columns to change: the transitive dependents, but not
   * the columns (cast in place), nor indexes and constraints that only use a column (PostgreSQL
   * rebuilds those itself), in an order that creates each after what it depends on.
   */
  private static List<DbObject> dependents(ObjectId type, List<Column> columns, Catalog side) {
    Set<ObjectId> seeds = new TreeSet<>();
    seeds.add(type);
    for (Column c : columns) {
      seeds.add(c.id());
    }
    Set<ObjectId> found = new TreeSet<>();
    Deque<ObjectId> queue = new ArrayDeque<>(seeds);
    while (!queue.isEmpty()) {
      ObjectId x = queue.poll();
      for (ObjectId z : side.dependents(x)) {
        DbObject o = side.get(z);
        if (seeds.contains(z) || found.contains(z) || Comparers.of(o) == null || o instanceof Column col
            && col.container().kind() == Kind.TABLE || z.kind() == Kind.SEQUENCE) {
          continue;
        }
        if ((z.kind() == Kind.INDEX || z.kind() == Kind.CONSTRAINT) && !side.dependsOn(z).contains(type)) {
          continue;
        }
        if (o instanceof Column col) {
          z = col.container();
          o = side.get(z);
          if (found.contains(z)) {
            continue;
          }
        }
        found.add(z);
        queue.add(z);
      }
    }
    List<DbObject> ordered = new ArrayList<>();
    Set<ObjectId> placed = new TreeSet<>();
    while (placed.size() < found.size()) {
      boolean progress = false;
      for (ObjectId z : found) {
        if (placed.contains(z)) {
          continue;
        }
        boolean ready = true;
        for (ObjectId dep : side.dependsOn(z)) {
          if (found.contains(dep) && !placed.contains(dep) && !dep.equals(z)) {
            ready = false;
          }
        }
        if (ready) {
          placed.add(z);
          ordered.add(side.get(z));
          progress = true;
        }
      }
      if (!progress) {
        break;
      }
    }
    return ordered;
  }
}
