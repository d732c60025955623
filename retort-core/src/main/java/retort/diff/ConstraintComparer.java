package retort.diff;

import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Constraint;
import retort.catalog.Kind;
import retort.catalog.Names;

/**
 * Constraints of tables and domains. A changed definition is dropped and added again. On a table that
 * is kept (and may hold rows), adding one does not block writes for long: a primary key or unique
 * constraint takes an index built concurrently, a foreign key or check is added NOT VALID and
 * validated in a transaction of its own; an exclusion constraint has no such path and says so.
 */
final class ConstraintComparer implements Comparer<Constraint> {

  @Override
  public Class<Constraint> type() {
    return Constraint.class;
  }

  /** Whether a new table's CREATE TABLE declares this constraint (all but foreign keys). */
  static boolean inlineInTable(Constraint c) {
    return c.container().kind() == Kind.TABLE && !c.isForeignKey() && c.validated();
  }

  @Override
  public boolean inline(Constraint c) {
    return inlineInTable(c);
  }

  private static String owner(Constraint c) {
    return "ALTER " + (c.container().kind() == Kind.DOMAIN ? "DOMAIN " : "TABLE ") + c.id().qualifiedRelation();
  }

  private static String add(Constraint c) {
    return owner(c) + " ADD CONSTRAINT " + c.id().quotedMember() + " " + c.definition()
        + (c.validated() ? "" : " NOT VALID");
  }

  private static String dropSql(Constraint c) {
    return owner(c) + " DROP CONSTRAINT " + c.id().quotedMember();
  }

  @Override
  public List<Step> create(Constraint c, Catalog side, Context context) {
    if (!context.lockSafe(c.container())) {
      Step s = Step.of(c.id(), Action.CREATE, "add constraint", add(c), dropSql(c));
      return List.of(c.type() == 'x' && context.kept(c.container()) ? s.hazard(Hazard.LONG_LOCK) : s);
    }
    String name = c.id().quotedMember();
    String table = owner(c);
    return switch (c.type()) {
      case 'p', 'u' -> List.of(
          Step.of(c.id(), Action.CREATE, "create unique index concurrently",
              IndexComparer.concurrently(c.indexDefinition()),
              "DROP INDEX CONCURRENTLY IF EXISTS " + Names.qualified(c.id().schema(), c.id().member())).concurrent(),
          Step.of(c.id(), Action.CREATE, "add constraint using index",
              table + " ADD CONSTRAINT " + name + (c.type() == 'p' ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + name
                  + deferrable(c),
              dropSql(c)).finishing());
      case 'f', 'c' -> c.validated()
          ? List.of(
              Step.of(c.id(), Action.CREATE, "add constraint not valid", table + " ADD CONSTRAINT " + name + " "
                  + c.definition() + " NOT VALID", dropSql(c)),
              Step.of(c.id(), Action.CREATE, "validate constraint", table + " VALIDATE CONSTRAINT " + name, null)
                  .concurrent())
          : List.of(Step.of(c.id(), Action.CREATE, "add constraint", add(c), dropSql(c)));
      default -> List.of(Step.of(c.id(), Action.CREATE, "add constraint", add(c), dropSql(c)).hazard(Hazard.LONG_LOCK)
          .note("an exclusion constraint has no concurrent form: adding " + c.id() + " blocks "
              + c.container() + " while it builds its index"));
    };
  }

  private static String deferrable(Constraint c) {
    return c.deferrable() ? " DEFERRABLE" + (c.deferred() ? " INITIALLY DEFERRED" : "") : "";
  }

  @Override
  public List<Step> drop(Constraint c, Catalog side, Context context) {
    return List.of(Step.of(c.id(), Action.DROP, "drop constraint", dropSql(c), add(c)));
  }

  @Override
  public List<Step> alter(Constraint from, Constraint to, Context context) {
    if (!from.definition().equals(to.definition()) || from.type() != to.type() || from.validated() && !to.validated()
        || !java.util.Objects.equals(from.indexDefinition(), to.indexDefinition())) {
      return null;
    }
    if (!from.validated() && to.validated()) {
      return List.of(Step.of(to.id(), Action.ALTER, "validate constraint",
          owner(to) + " VALIDATE CONSTRAINT " + to.id().quotedMember(), null).concurrent());
    }
    return List.of();
  }
}
