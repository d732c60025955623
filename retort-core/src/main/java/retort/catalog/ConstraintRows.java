package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of constraints.sql: constraints of tables and domains. */
final class ConstraintRows {

  private static final String NOT_VALID = " NOT VALID";

  private ConstraintRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      long relation = rs.getLong("conrelid");
      ObjectId container = relation != 0 ? b.find("pg_class", relation) : b.find("pg_type", rs.getLong("contypid"));
      if (container == null) {
        continue;
      }
      ObjectId id = ObjectId.member(Kind.CONSTRAINT, container.schema(), container.name(), rs.getString("name"));
      boolean validated = rs.getBoolean("convalidated");
      String definition = rs.getString("definition");
      if (!validated && definition.endsWith(NOT_VALID)) {
        definition = definition.substring(0, definition.length() - NOT_VALID.length());
      }
      b.add(new Constraint(id, container, Row.ch(rs, "contype"), definition, validated,
          rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), rs.getString("indexdef")),
          "pg_constraint", rs.getLong("oid"), rs.getString("comment"), null);
      long index = rs.getLong("conindid");
      if (index != 0 && "pux".indexOf(Row.ch(rs, "contype")) >= 0) {
        b.name("pg_class", index, id);              // the constraint's own index stands for the constraint
      }
    }
  }
}
