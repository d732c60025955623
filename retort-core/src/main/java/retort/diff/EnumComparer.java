package retort.diff;

import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.EnumType;
import retort.catalog.Names;
import retort.catalog.ObjectId;

/**
 * Enum types. Labels added (anywhere, the old ones keeping their order) become {@code ALTER TYPE ...
 * ADD VALUE}, in a leading revision that commits before anything uses them, with no table rewrite;
 * their downgrade rebuilds the type without them, failing if a row still holds one. Labels removed
 * or reordered rebuild the type: the old one renamed aside, the new one created, each column cast
 * through text, what depends on the type rebuilt around it, the old type dropped.
 */
final class EnumComparer implements Comparer<EnumType> {

  static final String ASIDE = "__retort_old";

  @Override
  public Class<EnumType> type() {
    return EnumType.class;
  }

  static String create(ObjectId id, List<String> labels) {
    List<String> quoted = new ArrayList<>();
    for (String l : labels) {
      quoted.add(Names.literal(l));
    }
    return "CREATE TYPE " + id.qualified() + " AS ENUM (" + String.join(", ", quoted) + ")";
  }

  @Override
  public List<Step> create(EnumType e, Catalog side, Context c) {
    return List.of(Step.of(e.id(), Action.CREATE, "create enum", create(e.id(), e.labels()),
        "DROP TYPE " + e.id().qualified()));
  }

  @Override
  public List<Step> drop(EnumType e, Catalog side, Context c) {
    return List.of(Step.of(e.id(), Action.DROP, "drop enum", "DROP TYPE " + e.id().qualified(),
        create(e.id(), e.labels())));
  }

  @Override
  public List<Step> alter(EnumType from, EnumType to, Context c) {
    if (subsequence(from.labels(), to.labels())) {
      return addValues(from, to, c);
    }
    return rebuildSteps(from, to, c);
  }

  /** Whether {@code small} appears in {@code large} in the same order. */
  private static boolean subsequence(List<String> small, List<String> large) {
    int i = 0;
    for (String l : large) {
      if (i < small.size() && small.get(i).equals(l)) {
        i++;
      }
    }
    return i == small.size();
  }

  private static List<Step> addValues(EnumType from, EnumType to, Context c) {
    List<Step> steps = new ArrayList<>();
    List<String> labels = to.labels();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      if (from.labels().contains(label)) {
        continue;
      }
      String where = "";
      for (int j = i + 1; j < labels.size(); j++) {
        if (from.labels().contains(labels.get(j))) {
          where = " BEFORE " + Names.literal(labels.get(j));
          break;
        }
      }
      if (where.isEmpty() && i > 0) {
        where = " AFTER " + Names.literal(labels.get(i - 1));
      }
      steps.add(Step.of(to.id(), Action.ALTER, "add enum value",
          List.of("ALTER TYPE " + to.id().qualified() + " ADD VALUE " + Names.literal(label) + where), List.of())
          .leading());
    }
    Step first = steps.get(0);
    steps.set(0, first.withDown(EnumRebuild.statements(to.id(), to.labels(), from.labels(), c))
        .hazard(Hazard.LOSSY_DOWNGRADE)
        .note("the downgrade rebuilds " + to.id() + " without the new values; it fails if a row still holds one"));
    return steps;
  }

  /** Removal or reorder: the steps of a rebuild, in order; what depends on the type is rebuilt by the engine. */
  private static List<Step> rebuildSteps(EnumType from, EnumType to, Context c) {
    ObjectId id = to.id();
    String aside = Names.qualified(id.schema(), id.name() + ASIDE);
    List<Column> columns = EnumRebuild.columns(id, c.from(), c.to());
    List<Step> steps = new ArrayList<>();
    for (Column col : columns) {
      if (col.defaultExpr() != null) {
        steps.add(Step.of(col.id(), Action.DROP, "drop default", alter(col) + " DROP DEFAULT",
            alter(col) + " SET DEFAULT " + col.defaultExpr()));
      }
    }
    steps.add(Step.of(id, Action.ALTER, "rebuild enum",
        List.of("ALTER TYPE " + id.qualified() + " RENAME TO " + Names.quote(id.name() + ASIDE), create(id, to.labels())),
        List.of("DROP TYPE " + id.qualified(), "ALTER TYPE " + aside + " RENAME TO " + Names.quote(id.name())))
        .invalidating());
    for (Column col : columns) {
      steps.add(Step.of(col.id(), Action.ALTER, "cast column to the rebuilt enum",
          EnumRebuild.cast(col, id.qualified()), EnumRebuild.cast(col, aside))
          .invalidating().hazard(Hazard.REWRITES_TABLE).hazard(Hazard.LONG_LOCK)
          .note("fails if a row of " + col.container() + " holds a value " + id + " no longer has"));
    }
    for (Column col : columns) {
      Column declared = (Column) c.to().get(col.id());
      if (declared.defaultExpr() != null) {
        steps.add(Step.of(col.id(), Action.CREATE, "set default", alter(col) + " SET DEFAULT " + declared.defaultExpr(),
            alter(col) + " DROP DEFAULT"));
      }
    }
    steps.add(Step.of(id, Action.DROP, "drop the old enum", "DROP TYPE " + aside,
        create(ObjectId.of(id.kind(), id.schema(), id.name() + ASIDE), from.labels())));
    return steps;
  }

  private static String alter(Column c) {
    return "ALTER TABLE " + c.id().qualifiedRelation() + " ALTER COLUMN " + Sql.column(c);
  }
}
