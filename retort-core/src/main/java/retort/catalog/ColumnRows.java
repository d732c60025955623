package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of columns.sql: the columns of modelled relations, numbered from 1 among the live ones. */
final class ColumnRows {

  private ColumnRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    long current = -1;
    int position = 0;
    while (rs.next()) {
      long relation = rs.getLong("attrelid");
      ObjectId container = b.find("pg_class", relation);
      if (container == null) {
        continue;                                   // a foreign table, say
      }
      position = relation == current ? position + 1 : 1;
      current = relation;
      if (container.kind() == Kind.COMPOSITE) {
        String collation = rs.getString("collation");
        b.composites.get(relation).add(Names.quote(rs.getString("name")) + " " + rs.getString("type")
            + (collation == null ? "" : " COLLATE " + collation));
        b.name("pg_class", relation, container);
        continue;
      }
      ObjectId id = ObjectId.member(Kind.COLUMN, container.schema(), container.name(), rs.getString("name"));
      String storage = rs.getString("storage");
      Column column = new Column(id, container, position, rs.getString("type"), rs.getBoolean("attnotnull"),
          rs.getString("default_expr"), Row.ch(rs, "attidentity"), rs.getString("generated"),
          rs.getString("collation"), storage == null ? null : storage.charAt(0), rs.getString("compression"),
          Row.integer(rs, "stattarget"), Row.strings(rs, "attoptions", true), rs.getBoolean("attislocal"));
      Acl acl = Row.acl(rs);
      b.add(column, "pg_attribute", -1, rs.getString("comment"), acl.isEmpty() ? null : acl);
      b.column(relation, rs.getInt("attnum"), id);
    }
  }
}
