package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of routines.sql: functions, procedures and aggregates (window functions are functions). */
final class RoutineRows {

  private RoutineRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      Kind kind = switch (Row.ch(rs, "prokind")) {
        case 'p' -> Kind.PROCEDURE;
        case 'a' -> Kind.AGGREGATE;
        default -> Kind.FUNCTION;
      };
      ObjectId id = ObjectId.routine(kind, rs.getString("schema"), rs.getString("name"), rs.getString("argtypes"));
      b.add(new Routine(id, rs.getString("signature"), rs.getString("definition"), rs.getString("result"),
          rs.getString("arguments"), rs.getString("language")),
          "pg_proc", rs.getLong("oid"), rs.getString("comment"), Row.acl(rs));
      b.owner(id, rs.getString("owner"));
    }
  }
}
