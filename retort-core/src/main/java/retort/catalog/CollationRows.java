package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of collations.sql. */
final class CollationRows {

  private CollationRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = ObjectId.of(Kind.COLLATION, rs.getString("schema"), rs.getString("name"));
      b.add(new Collation(id, Row.ch(rs, "collprovider"), rs.getBoolean("collisdeterministic"),
          rs.getString("collcollate"), rs.getString("collctype"), rs.getString("locale")),
          "pg_collation", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
