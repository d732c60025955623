package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Rows of indexes.sql: indexes that no constraint owns and that are not a partition's copy of its
 * parent's index.
 */
final class IndexRows {

  private IndexRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId table = b.find("pg_class", rs.getLong("indrelid"));
      rs.getLong("conoid");
      if (table == null || !rs.wasNull() || rs.getBoolean("attached")) {
        continue;
      }
      ObjectId id = ObjectId.of(Kind.INDEX, rs.getString("schema"), rs.getString("name"));
      b.add(new Index(id, table, rs.getString("definition"), rs.getBoolean("indisunique"), rs.getBoolean("indisvalid")),
          "pg_class", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
