package easysochi;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import retort.Retort;
import retort.db.CatalogSnapshot;
import retort.testing.TestPostgres;

/** The bot's migrations against a database of the shared test server, and catalog helpers. */
final class Bot {

  /** The schemas the migrations build. */
  static final List<String> SCHEMAS = List.of("public", "apartments");
  /** The roles the migrations create (cluster-wide). */
  static final String ROLE_PREFIX = "easysochi_";
  /** surefire runs in the module directory, {@code easysochi/}. */
  static final Path MIGRATIONS = Path.of("migrations");

  private Bot() {}

  static Retort retort(String jdbcUrl) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(jdbcUrl);
    return Retort.configure(ds, MIGRATIONS);
  }

  /** Schemas, objects and extensions of the database, and the easysochi_ roles of the cluster. */
  static CatalogSnapshot snapshot(String jdbcUrl) throws SQLException {
    try (Connection c = TestPostgres.connect(jdbcUrl)) {
      return CatalogSnapshot.take(c, SCHEMAS, ROLE_PREFIX);
    }
  }

  /** The same snapshot without roles (they belong to the cluster, not to the database). */
  static CatalogSnapshot snapshotWithoutRoles(String jdbcUrl) throws SQLException {
    try (Connection c = TestPostgres.connect(jdbcUrl)) {
      return CatalogSnapshot.take(c, SCHEMAS);
    }
  }

  static void exec(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = TestPostgres.connect(jdbcUrl); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long count(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = TestPostgres.connect(jdbcUrl)) {
      return count(c, sql);
    }
  }

  /** A name no other test of this JVM uses. */
  static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  /** The URL of a database for another user (password {@code x}). */
  static String as(String jdbcUrl, String user) {
    return jdbcUrl.replace("?user=postgres", "?user=" + user + "&password=x");
  }

  /** Whether a cluster role exists. */
  static boolean roleExists(String jdbcUrl, String role) throws SQLException {
    return count(jdbcUrl, "SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'") > 0;
  }

  /** Whether a database other than this URL's holds something that depends on the role. */
  static boolean roleUsedElsewhere(String jdbcUrl, String role) throws SQLException {
    return count(jdbcUrl, "SELECT count(*) FROM pg_shdepend d JOIN pg_roles r ON r.oid = d.refobjid"
        + " WHERE d.refclassid = 'pg_authid'::regclass AND r.rolname = '" + role + "'"
        + " AND d.dbid <> (SELECT oid FROM pg_database WHERE datname = current_database())") > 0;
  }
}
