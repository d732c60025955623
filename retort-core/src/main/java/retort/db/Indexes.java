package retort.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The indexes a {@code CREATE INDEX CONCURRENTLY} may have left behind, found in the catalog. */
public final class Indexes {

  private Indexes() {}

  /** An index: its schema-qualified name, quoted for SQL, and whether it is valid (usable by queries). */
  public record Index(String name, boolean valid) {}

  /**
   * The indexes on {@code table} (as written in SQL, resolved by the server) named {@code name} (as
   * written: a quoted name as it is, a plain one folded to lower case), or, when {@code name} is null,
   * its invalid ones.
   */
  public static List<Index> on(Connection c, String table, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_catalog.quote_ident(n.nspname) || '.' ||"
        + " pg_catalog.quote_ident(x.relname), i.indisvalid FROM pg_catalog.pg_index i"
        + " JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid JOIN pg_catalog.pg_namespace n ON n.oid = x.relnamespace"
        + " WHERE i.indrelid = to_regclass(?) AND (x.relname = ? OR (? IS NULL AND NOT i.indisvalid)) ORDER BY 1")) {
      String relname = name == null ? null : unquote(name);
      s.setString(1, table);
      s.setString(2, relname);
      s.setString(3, relname);
      List<Index> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(new Index(rs.getString(1), rs.getBoolean(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      if ("42602".equals(e.getSQLState()) || "3F000".equals(e.getSQLState())) {
        return List.of();                           // a name to_regclass cannot read: no index to find
      }
      throw e;
    }
  }

  /** Drops an index without blocking writes to its table; in autocommit. */
  public static void dropConcurrently(Connection c, Index index) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP INDEX CONCURRENTLY IF EXISTS " + index.name());
    }
  }

  private static String unquote(String name) {
    if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
      return name.substring(1, name.length() - 1).replace("\"\"", "\"");
    }
    return name.toLowerCase(java.util.Locale.ROOT);
  }
}
