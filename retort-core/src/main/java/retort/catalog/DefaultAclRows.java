package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of default_acls.sql. */
final class DefaultAclRows {

  private DefaultAclRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = new ObjectId(Kind.DEFAULT_ACL, rs.getString("schema"), rs.getString("role"), rs.getString("objects"));
      b.add(new DefaultAcl(id, Row.acl(rs)), "pg_default_acl", rs.getLong("oid"), null, null);
    }
  }
}
