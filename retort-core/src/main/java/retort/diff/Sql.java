package retort.diff;

import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.Kind;
import retort.catalog.Names;
import retort.catalog.ObjectId;
import retort.catalog.Routine;

/** How SQL names objects: the references that COMMENT ON, GRANT and DROP take. */
final class Sql {

  private Sql() {}

  /** The object as {@code COMMENT ON} names it: {@code TABLE apartments.listing}, {@code COLUMN ...}. */
  static String ref(DbObject o) {
    ObjectId id = o.id();
    return switch (id.kind()) {
      case COLUMN -> "COLUMN " + id.qualifiedRelation() + "." + id.quotedMember();
      case CONSTRAINT -> "CONSTRAINT " + id.quotedMember() + " ON "
          + (o.container() != null && o.container().kind() == Kind.DOMAIN ? "DOMAIN " : "") + id.qualifiedRelation();
      case TRIGGER, POLICY -> id.kind().word() + " " + id.quotedMember() + " ON " + id.qualifiedRelation();
      case FUNCTION, PROCEDURE, AGGREGATE -> id.kind().word() + " " + routine((Routine) o);
      default -> id.kind().word() + " " + id.qualified();
    };
  }

  /** The object as {@code GRANT ... ON} names it (views and columns are granted on as tables). */
  static String grantRef(DbObject o) {
    ObjectId id = o.id();
    return switch (id.kind()) {
      case TABLE, VIEW, MATVIEW -> "TABLE " + id.qualified();
      case COLUMN -> "TABLE " + id.qualifiedRelation();
      case ENUM, RANGE, COMPOSITE -> "TYPE " + id.qualified();
      case AGGREGATE -> "FUNCTION " + routine((Routine) o);
      default -> ref(o);
    };
  }

  /** {@code schema.name(arguments)} of a routine, for DROP, COMMENT and GRANT. */
  static String routine(Routine r) {
    return r.id().qualified() + "(" + (r.id().kind() == Kind.AGGREGATE && r.signature().isEmpty() ? "*" : r.signature())
        + ")";
  }

  /** A column's name in a column list. */
  static String column(Column c) {
    return Names.quote(c.id().member());
  }

  static String literal(String s) {
    return s == null ? "NULL" : Names.literal(s);
  }
}
