package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of extensions.sql. */
final class ExtensionRows {

  private ExtensionRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = ObjectId.global(Kind.EXTENSION, rs.getString("name"));
      b.add(new Extension(id, rs.getString("schema"), rs.getString("version"), rs.getBoolean("relocatable")),
          "pg_extension", rs.getLong("oid"), null, null);
    }
  }
}
