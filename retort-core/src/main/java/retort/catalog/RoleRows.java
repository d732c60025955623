package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of roles.sql. */
final class RoleRows {

  private RoleRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      ObjectId id = ObjectId.global(Kind.ROLE, rs.getString("name"));
      b.add(new Role(id, rs.getBoolean("rolsuper"), rs.getBoolean("rolinherit"), rs.getBoolean("rolcreaterole"),
          rs.getBoolean("rolcreatedb"), rs.getBoolean("rolcanlogin"), rs.getBoolean("rolreplication"),
          rs.getBoolean("rolbypassrls"), rs.getInt("rolconnlimit"), rs.getString("validuntil")),
          "pg_authid", rs.getLong("oid"), rs.getString("comment"), null);
    }
  }
}
