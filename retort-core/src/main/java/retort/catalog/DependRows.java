package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of depends.sql, kept raw until every object is known. */
final class DependRows {

  private DependRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      b.dependencies.add(new CatalogBuilder.Dependency(rs.getString("class"), rs.getLong("objid"), rs.getInt("objsubid"),
          rs.getString("refclass"), rs.getLong("refobjid"), rs.getInt("refobjsubid"), Row.ch(rs, "deptype")));
    }
  }
}
