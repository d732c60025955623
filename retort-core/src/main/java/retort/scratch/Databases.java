package retort.scratch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import retort.catalog.Names;

/** Creating, copying and dropping the scratch server's databases. */
final class Databases {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Databases() {}

  /** A fresh name with a prefix: unique to this process and call. */
  static String fresh(String prefix) {
    return prefix + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
  }

  static void create(Connection admin, String name, String template) throws SQLException {
    String sql = "CREATE DATABASE " + Names.quote(name) + " TEMPLATE " + Names.quote(template);
    if (!template.equals("template0") && serverVersion(admin) >= 150000) {
      sql += " STRATEGY FILE_COPY";                 // a copy of the files, not of the WAL: faster for a clone
    }
    execute(admin, sql);
  }

  static void drop(Connection admin, String name) throws SQLException {
    String sql = "DROP DATABASE IF EXISTS " + Names.quote(name);
    execute(admin, serverVersion(admin) >= 130000 ? sql + " WITH (FORCE)" : sql);
  }

  static void rename(Connection admin, String from, String to) throws SQLException {
    execute(admin, "ALTER DATABASE " + Names.quote(from) + " RENAME TO " + Names.quote(to));
  }

  static boolean exists(Connection admin, String name) throws SQLException {
    try (PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?")) {
      ps.setString(1, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** The names of the databases that start with a prefix. */
  static List<String> named(Connection admin, String prefix) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = admin.prepareStatement(
        "SELECT datname FROM pg_catalog.pg_database WHERE pg_catalog.starts_with(datname, ?) ORDER BY 1")) {
      ps.setString(1, prefix);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  static int serverVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_catalog.current_setting('server_version_num')::int")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sql);
    }
  }
}
