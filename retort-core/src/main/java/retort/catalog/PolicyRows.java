package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of policies.sql. */
final class PolicyRows {

  private PolicyRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId table = b.find("pg_class", rs.getLong("polrelid"));
      if (table == null) {
        continue;
      }
      ObjectId id = ObjectId.member(Kind.POLICY, table.schema(), table.name(), rs.getString("name"));
      b.add(new Policy(id, table, rs.getString("command"), rs.getBoolean("polpermissive"),
          Row.strings(rs, "roles", true), rs.getString("using_expr"), rs.getString("check_expr")),
          "pg_policy", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
