package retort.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@link Catalog} from a database: about fifteen set-based queries over {@code pg_catalog}
 * (kept as {@code .sql} resources beside this class), sent as one message and read back in one round
 * trip, in a {@code REPEATABLE READ READ ONLY} transaction with an empty {@code search_path} so that
 * every name the server prints comes back schema-qualified. Never {@code information_schema}, never
 * a query per table.
 */
public final class CatalogReader {

  /** A query resource and the reader of its rows, in the order they run. */
  private record Query(String resource, Rows rows) {}

  /** Turns the rows of one query into objects. */
  @FunctionalInterface
  interface Rows {
    void read(ResultSet rs, CatalogBuilder into) throws SQLException;
  }

  private static final List<Query> QUERIES = List.of(
      new Query("schemas.sql", SchemaRows::read),
      new Query("extensions.sql", ExtensionRows::read),
      new Query("roles.sql", RoleRows::read),
      new Query("collations.sql", CollationRows::read),
      new Query("types.sql", TypeRows::read),
      new Query("relations.sql", RelationRows::read),
      new Query("columns.sql", ColumnRows::read),
      new Query("constraints.sql", ConstraintRows::read),
      new Query("indexes.sql", IndexRows::read),
      new Query("routines.sql", RoutineRows::read),
      new Query("triggers.sql", TriggerRows::read),
      new Query("event_triggers.sql", EventTriggerRows::read),
      new Query("policies.sql", PolicyRows::read),
      new Query("default_acls.sql", DefaultAclRows::read),
      new Query("depends.sql", DependRows::read),
      new Query("unmodelled.sql", UnmodelledRows::read));

  private static final Pattern MACRO = Pattern.compile("\\$(ACL|USER|NOEXT)\\(([^()]*)\\)");
  private static final String BATCH = batch();
  private static final String ISOLATION = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;\n";

  private CatalogReader() {}

  /**
   * Reads the catalog of the database the connection is on. The connection's transaction state is
   * its own again afterwards (the read runs in a transaction of its own, rolled back).
   */
  public static Catalog read(Connection c) throws SQLException {
    if (!c.getAutoCommit()) {
      throw new IllegalStateException("read the catalog outside a transaction");
    }
    c.setAutoCommit(false);
    try {
      return run(c, ISOLATION + BATCH);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  /**
   * Reads the catalog inside the connection's current transaction, seeing what it has done so far
   * (a declared schema loaded and not committed); the transaction's {@code search_path} is as it was.
   */
  public static Catalog readWithin(Connection c) throws SQLException {
    if (c.getAutoCommit()) {
      throw new IllegalStateException("readWithin needs an open transaction");
    }
    String path;
    try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('search_path')")) {
      rs.next();
      path = rs.getString(1);
    }
    Catalog catalog = run(c, BATCH);
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT set_config('search_path', ?, true)")) {
      ps.setString(1, path);
      ps.execute();
    }
    return catalog;
  }

  private static Catalog run(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      boolean isResult = s.execute(sql);
      int serverVersion = 0;
      CatalogBuilder builder = null;
      int query = -1;                               // -1: the version row; then the queries in order
      while (true) {
        if (isResult) {
          try (ResultSet rs = s.getResultSet()) {
            if (query < 0) {
              rs.next();
              serverVersion = rs.getInt(1);
              builder = new CatalogBuilder(serverVersion, rs.getString(2));
            } else {
              QUERIES.get(query).rows().read(rs, builder);
            }
          }
          query++;
        } else if (s.getUpdateCount() == -1) {
          break;
        }
        isResult = s.getMoreResults();
      }
      if (query != QUERIES.size()) {
        throw new SQLException("catalog read returned " + query + " results, expected " + QUERIES.size());
      }
      return builder.build();
    }
  }

  private static String batch() {
    StringBuilder sql = new StringBuilder(32_768);
    sql.append("SET LOCAL search_path = '';\n")
        .append("SELECT current_setting('server_version_num')::int, current_user;\n");
    for (Query q : QUERIES) {
      sql.append(expand(resource(q.resource()))).append(";\n");
    }
    return sql.toString();
  }

  private static String resource(String name) {
    try (InputStream in = CatalogReader.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Expands the queries' three shorthands, so that each is written once: {@code $USER(n)} (a user
   * schema, not pg_* nor information_schema), {@code $NOEXT(catalog, oid)} (not a member of an
   * extension), and {@code $ACL(acl, kind, owner)} (the privileges beyond the owner's, as text items
   * {@code PRIVILEGE[*] grantee}, the built-in default when the ACL is null).
   */
  static String expand(String sql) {
    Matcher m = MACRO.matcher(sql);
    StringBuilder out = new StringBuilder(sql.length() + 1024);
    while (m.find()) {
      String[] args = m.group(2).split(",");
      for (int i = 0; i < args.length; i++) {
        args[i] = args[i].strip();
      }
      String text = switch (m.group(1)) {
        case "USER" -> "(" + args[0] + ".nspname !~ '^pg_' AND " + args[0] + ".nspname <> 'information_schema')";
        case "NOEXT" -> "NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = '" + args[0] + "'::regclass"
            + " AND x.objid = " + args[1] + " AND x.deptype = 'e')";
        default -> "ARRAY(SELECT a.privilege_type || CASE WHEN a.is_grantable THEN '*' ELSE '' END || ' ' ||"
            + " CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END"
            + " FROM aclexplode(coalesce(" + args[0] + ", acldefault(" + args[1] + ", " + args[2] + "))) a"
            + " WHERE a.grantee <> " + args[2] + " ORDER BY 1)";
      };
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }
}
