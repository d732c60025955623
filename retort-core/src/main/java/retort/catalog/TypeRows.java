package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of types.sql: enums, domains and ranges (composite types come with the relations). */
final class TypeRows {

  private TypeRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      String schema = rs.getString("schema");
      String name = rs.getString("name");
      char type = Row.ch(rs, "typtype");
      DbObject o = switch (type) {
        case 'e' -> new EnumType(ObjectId.of(Kind.ENUM, schema, name), Row.strings(rs, "labels", false));
        case 'd' -> new Domain(ObjectId.of(Kind.DOMAIN, schema, name), rs.getString("basetype"),
            rs.getBoolean("typnotnull"), rs.getString("default_expr"), rs.getString("collation"));
        default -> new RangeType(ObjectId.of(Kind.RANGE, schema, name), rs.getString("subtype"),
            rs.getString("subtype_opclass"), rs.getString("range_collation"), rs.getString("canonical"),
            rs.getString("subdiff"), rs.getString("multirange"));
      };
      b.add(o, "pg_type", rs.getLong("oid"), rs.getString("comment"), Row.acl(rs));
      b.owner(o.id(), rs.getString("owner"));
      b.name("pg_type", rs.getLong("typarray"), o.id());
      if (type == 'r') {
        b.name("pg_type", rs.getLong("multirange_oid"), o.id());
      }
    }
  }
}
