package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of triggers.sql. */
final class TriggerRows {

  private TriggerRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId table = b.find("pg_class", rs.getLong("tgrelid"));
      if (table == null) {
        continue;
      }
      ObjectId id = ObjectId.member(Kind.TRIGGER, table.schema(), table.name(), rs.getString("name"));
      b.add(new Trigger(id, table, rs.getString("definition"), Row.ch(rs, "tgenabled")),
          "pg_trigger", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
