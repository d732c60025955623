package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows of unmodelled.sql: objects of kinds Retort does not model yet. */
final class UnmodelledRows {

  private UnmodelledRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    while (rs.next()) {
      b.unmodelled.add(rs.getString("kind") + " " + rs.getString("name"));
    }
  }
}
