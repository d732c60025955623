package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.Kind;
import retort.catalog.Names;
import retort.catalog.Sequence;

/**
 * Columns of tables: added, dropped, and changed in place (type with {@code USING}, default,
 * {@code NOT NULL}, identity, storage, statistics, collation); a stored generated column whose
 * expression changes is dropped and added again. A view's columns follow from its query, so they
 * are the view's business.
 */
final class ColumnComparer implements Comparer<Column> {

  @Override
  public Class<Column> type() {
    return Column.class;
  }

  @Override
  public boolean inline(Column c) {
    return true;
  }

  /**
   * Whether the column is this comparer's business: a table's own column. A view's columns follow from
   * its query; a partition's (or child table's) inherited columns from its parent's.
   */
  private static boolean ofTable(Column c) {
    return c.container().kind() == Kind.TABLE && c.local();
  }

  private static String alter(Column c) {
    return "ALTER TABLE " + c.id().qualifiedRelation();
  }

  private static List<String> add(Column c, Catalog side) {
    List<String> out = new ArrayList<>();
    out.add(alter(c) + " ADD COLUMN " + Columns.definition(c, side));
    out.addAll(Columns.extras(c));
    return out;
  }

  private static String dropSql(Column c) {
    return alter(c) + " DROP COLUMN " + Sql.column(c);
  }

  @Override
  public List<Step> create(Column c, Catalog side, Context context) {
    if (!ofTable(c)) {
      return List.of(Step.of(c.id(), Action.CREATE, "column", List.of(), List.of()));
    }
    Step s = Step.of(c.id(), Action.CREATE, "add column", add(c, side), List.of(dropSql(c)));
    if (c.generated() != null && context.kept(c.container())) {
      s = s.hazard(Hazard.REWRITES_TABLE).note("a stored generated column is computed for every row: "
          + c.container() + " is rewritten under an ACCESS EXCLUSIVE lock");
    }
    return List.of(s);
  }

  @Override
  public List<Step> drop(Column c, Catalog side, Context context) {
    if (!ofTable(c)) {
      return List.of(Step.of(c.id(), Action.DROP, "column", List.of(), List.of()));
    }
    String placeholder = c.notNull() && c.defaultExpr() == null && c.generated() == null && !c.isIdentity()
        ? Placeholders.of(c, side) : null;
    List<String> down = new ArrayList<>();
    if (placeholder != null) {
      Column filled = new Column(c.id(), c.container(), c.position(), c.type(), true, placeholder, c.identity(), null,
          c.collation(), c.storage(), c.compression(), c.statistics(), c.options(), c.local());
      down.addAll(add(filled, side));
      down.add(alter(c) + " ALTER COLUMN " + Sql.column(c) + " DROP DEFAULT");
    } else {
      down.addAll(add(c, side));
    }
    return List.of(Step.of(c.id(), Action.DROP, "drop column", List.of(dropSql(c)), down)
        .hazard(Hazard.DELETES_DATA)
        .note("the downgrade adds " + c.id() + " again, " + (placeholder != null ? "filled with " + placeholder
            : c.defaultExpr() != null ? "with its default" : "empty") + ": its values are not restored"));
  }

  @Override
  public List<Step> alter(Column from, Column to, Context context) {
    if (!ofTable(to)) {
      return List.of();
    }
    if (from.local() != to.local()) {
      return List.of();                             // inherited now, or declared now: the parent's column rules
    }
    if (!Objects.equals(from.generated(), to.generated()) && to.generated() != null) {
      return null;
    }
    List<Step> steps = new ArrayList<>();
    String alter = alter(to) + " ALTER COLUMN " + Sql.column(to);
    if (from.generated() != null && to.generated() == null) {
      List<String> down = new ArrayList<>(List.of(dropSql(from)));
      down.addAll(add(from, context.from()));
      steps.add(Step.of(to.id(), Action.ALTER, "drop expression", List.of(alter + " DROP EXPRESSION"), down)
          .note("the downgrade drops " + to.id() + " and adds it again generated: its values are computed anew"));
    }
    if (!from.type().equals(to.type()) || !Objects.equals(from.collation(), to.collation())) {
      steps.add(type(from, to, context));
    } else if (!Objects.equals(from.defaultExpr(), to.defaultExpr())) {
      steps.add(Step.of(to.id(), Action.ALTER, "set default", setDefault(alter, to.defaultExpr()),
          setDefault(alter, from.defaultExpr())));
    }
    if (from.notNull() != to.notNull() && !(from.isIdentity() || to.isIdentity())) {
      steps.addAll(to.notNull() ? setNotNull(to, context) : List.of(Step.of(to.id(), Action.ALTER, "drop not null",
          alter + " DROP NOT NULL", alter + " SET NOT NULL")));
    }
    if (from.identity() != to.identity()) {
      steps.add(identity(from, to, context));
    }
    if (!Objects.equals(from.compression(), to.compression())) {
      steps.add(Step.of(to.id(), Action.ALTER, "set compression",
          alter + " SET COMPRESSION " + (to.compression() == null ? "DEFAULT" : to.compression()),
          alter + " SET COMPRESSION " + (from.compression() == null ? "DEFAULT" : from.compression())));
    }
    if (!Objects.equals(from.storage(), to.storage())) {
      steps.add(Step.of(to.id(), Action.ALTER, "set storage", alter + " SET STORAGE " + storageOf(to),
          alter + " SET STORAGE " + storageOf(from)));
    }
    if (!Objects.equals(from.statistics(), to.statistics())) {
      steps.add(Step.of(to.id(), Action.ALTER, "set statistics",
          alter + " SET STATISTICS " + (to.statistics() == null ? -1 : to.statistics()),
          alter + " SET STATISTICS " + (from.statistics() == null ? -1 : from.statistics())));
    }
    if (!from.options().equals(to.options())) {
      steps.add(Step.of(to.id(), Action.ALTER, "attribute options",
          TableComparer.options(alter, from.options(), to.options()),
          TableComparer.options(alter, to.options(), from.options())));
    }
    return steps;
  }

  /** A column's storage by name; its type's default is written EXTENDED or as the type has it. */
  private static String storageOf(Column c) {
    return c.storage() == null ? "DEFAULT" : Columns.storage(c.storage());
  }

  private static List<String> setDefault(String alter, String expr) {
    return List.of(alter + (expr == null ? " DROP DEFAULT" : " SET DEFAULT " + expr));
  }

  /** One ALTER TABLE that changes the type, dropping and setting the default around it. */
  private static Step type(Column from, Column to, Context context) {
    Step s = Step.of(to.id(), Action.ALTER, "alter column type", typeChange(from, to), typeChange(to, from))
        .invalidating();
    if (context.kept(to.container())) {
      s = s.hazard(Hazard.REWRITES_TABLE).hazard(Hazard.LOSSY_DOWNGRADE)
          .note("changing the type of " + to.id() + " rewrites " + to.container()
              + " unless the types are binary-coercible; the downgrade casts back and fails on values that do not fit");
    }
    return s;
  }

  private static String typeChange(Column from, Column to) {
    String column = "ALTER COLUMN " + Sql.column(to);
    List<String> parts = new ArrayList<>();
    if (from.defaultExpr() != null) {
      parts.add(column + " DROP DEFAULT");
    }
    parts.add(column + " TYPE " + to.type() + (to.collation() == null ? "" : " COLLATE " + to.collation())
        + " USING " + Sql.column(to) + "::" + to.type());
    if (to.defaultExpr() != null) {
      parts.add(column + " SET DEFAULT " + to.defaultExpr());
    }
    return alter(to) + " " + String.join(", ", parts);
  }

  /**
   * {@code SET NOT NULL}; on a table that is kept and may hold rows, through a CHECK added NOT VALID,
   * validated without blocking writes, after which SET NOT NULL needs no scan.
   */
  private static List<Step> setNotNull(Column c, Context context) {
    String table = alter(c);
    String column = " ALTER COLUMN " + Sql.column(c);
    if (!context.lockSafe(c.container())) {
      return List.of(Step.of(c.id(), Action.ALTER, "set not null", table + column + " SET NOT NULL",
          table + column + " DROP NOT NULL"));
    }
    String helper = Names.quote(helperName(c));
    return List.of(
        Step.of(c.id(), Action.ALTER, "check not null, not valid",
            table + " ADD CONSTRAINT " + helper + " CHECK (" + Sql.column(c) + " IS NOT NULL) NOT VALID",
            table + " DROP CONSTRAINT IF EXISTS " + helper),
        Step.of(c.id(), Action.ALTER, "validate not null", table + " VALIDATE CONSTRAINT " + helper, null).concurrent(),
        Step.of(c.id(), Action.ALTER, "set not null",
            List.of(table + column + " SET NOT NULL", table + " DROP CONSTRAINT " + helper),
            List.of(table + column + " DROP NOT NULL")).finishing());
  }

  private static String helperName(Column c) {
    String name = c.id().name() + "_" + c.id().member() + "_not_null_retort";
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  private static Step identity(Column from, Column to, Context context) {
    String alter = alter(to) + " ALTER COLUMN " + Sql.column(to);
    String up;
    String down;
    if (!from.isIdentity()) {
      up = alter + " ADD " + generated(to) + Sequences.identityOptions(to, context.to());
      down = alter + " DROP IDENTITY";
    } else if (!to.isIdentity()) {
      up = alter + " DROP IDENTITY";
      down = alter + " ADD " + generated(from) + Sequences.identityOptions(from, context.from());
    } else {
      up = alter + " SET " + generated(to).replace(" AS IDENTITY", "");
      down = alter + " SET " + generated(from).replace(" AS IDENTITY", "");
    }
    List<String> ups = new ArrayList<>(List.of(up));
    if (!from.isIdentity() && context.kept(to.container())) {
      Sequence s = Sequences.identityOf(to, context.to());
      if (s != null) {
        ups.add("SELECT pg_catalog.setval(" + Names.literal(s.id().qualified()) + ", coalesce(max(" + Sql.column(to)
            + "), 0) + 1, false) FROM " + to.id().qualifiedRelation());
      }
    }
    return Step.of(to.id(), Action.ALTER, "identity", ups, List.of(down));
  }

  private static String generated(Column c) {
    return c.identity() == 'a' ? "GENERATED ALWAYS AS IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY";
  }

  /** A default that calls something being replaced is dropped before and set again after. */
  @Override
  public List<Step> rebuild(Column from, Column to, Context context) {
    if (!ofTable(to) || from.defaultExpr() == null || to.defaultExpr() == null || from.generated() != null) {
      return null;
    }
    String alter = alter(to) + " ALTER COLUMN " + Sql.column(to);
    return List.of(
        Step.of(to.id(), Action.DROP, "drop default", alter + " DROP DEFAULT", alter + " SET DEFAULT " + from.defaultExpr()),
        Step.of(to.id(), Action.CREATE, "set default", alter + " SET DEFAULT " + to.defaultExpr(), alter + " DROP DEFAULT"));
  }

}
