package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of schemas.sql. */
final class SchemaRows {

  private SchemaRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = ObjectId.global(Kind.SCHEMA, rs.getString("name"));
      b.add(new Schema(id), "pg_namespace", rs.getLong("oid"), rs.getString("comment"), Row.acl(rs));
      b.owner(id, rs.getString("owner"));
    }
  }
}
