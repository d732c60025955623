package retort.scratch;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import retort.catalog.Names;

/**
 * What Retort keeps on a scratch server, in a small database of its own ({@code retort_scratch}): the
 * roles that scratch work created (so that only those are ever dropped again), and which roles each
 * head template's replay created. A session advisory lock on the admin connection keeps two runs
 * from working on one server at once.
 */
final class ScratchState implements AutoCloseable {

  static final String DATABASE = "retort_scratch";
  /**
   * An empty database that work is done in inside transactions that are always rolled back (the
   * declared schema loaded, a plan proven), so that it stays empty and need not be created each time.
   */
  static final String WORK = "retort_work";
  /** "retortsc" in ASCII: the key of the scratch server's advisory lock. */
  private static final long LOCK = 0x7265746f72747363L;

  private final Cluster cluster;
  private final Connection admin;
  private final Clock clock = new Clock();

  private ScratchState(Cluster cluster, Connection admin) {
    this.cluster = cluster;
    this.admin = admin;
  }

  /** Opens the state, waiting for any other run on this server, and removes what crashed runs left. */
  static ScratchState open(Cluster cluster) throws SQLException {
    Connection admin = cluster.admin();
    try {
      admin.setAutoCommit(true);
      try (Statement s = admin.createStatement()) {
        s.execute("SELECT pg_catalog.pg_advisory_lock(" + LOCK + ")");
      }
      if (!Databases.exists(admin, DATABASE)) {
        Databases.create(admin, DATABASE, "template0");
      }
      try (Connection c = cluster.open(DATABASE); Statement s = c.createStatement()) {
        s.execute("CREATE TABLE IF NOT EXISTS created_role (name text PRIMARY KEY);"
            + " CREATE TABLE IF NOT EXISTS template (name text PRIMARY KEY, roles text[] NOT NULL);"
            + " ALTER TABLE template ADD COLUMN IF NOT EXISTS used timestamptz NOT NULL DEFAULT now()");
      }
      if (!Databases.exists(admin, WORK)) {
        Databases.create(admin, WORK, "template0");
      }
      ScratchState state = new ScratchState(cluster, admin);
      for (String prefix : List.of("retort_decl_", "retort_proof_", "retort_build_")) {
        for (String db : Databases.named(admin, prefix)) {
          Databases.drop(admin, db);
        }
      }
      return state;
    } catch (SQLException | RuntimeException e) {
      admin.close();
      throw e;
    }
  }

  Connection admin() {
    return admin;
  }

  Clock clock() {
    return clock;
  }

  Cluster cluster() {
    return cluster;
  }

  /** The names of every role of the server. */
  Set<String> roles() throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT rolname FROM pg_catalog.pg_roles")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Records roles that scratch work created, so that they may be dropped once nothing uses them. */
  void created(Set<String> roles) throws SQLException {
    if (roles.isEmpty()) {
      return;
    }
    try (Connection c = cluster.open(DATABASE);
        PreparedStatement ps = c.prepareStatement("INSERT INTO created_role VALUES (?) ON CONFLICT DO NOTHING")) {
      for (String r : roles) {
        ps.setString(1, r);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The roles scratch work created (and has not dropped since). */
  Set<String> recordedRoles() throws SQLException {
    Set<String> out = new TreeSet<>();
    try (Connection c = cluster.open(DATABASE); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM created_role")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Drops the roles scratch work created that no database uses any more (nor any other role). */
  void dropUnusedRoles() throws SQLException {
    Set<String> recorded = new TreeSet<>();
    try (Connection c = cluster.open(DATABASE); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM created_role ORDER BY 1")) {
      while (rs.next()) {
        recorded.add(rs.getString(1));
      }
    }
    Set<String> dropped = new TreeSet<>();
    for (String role : recorded) {
      try (PreparedStatement ps = admin.prepareStatement(
          "SELECT NOT EXISTS (SELECT FROM pg_catalog.pg_shdepend d JOIN pg_catalog.pg_roles r ON r.oid = d.refobjid"
              + " WHERE d.refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass AND r.rolname = ?)"
              + " AND EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = ?)")) {
        ps.setString(1, role);
        ps.setString(2, role);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (!rs.getBoolean(1)) {
            continue;
          }
        }
      }
      try {
        Databases.execute(admin, "DROP ROLE " + Names.quote(role));
        dropped.add(role);
      } catch (SQLException e) {
        // still a member of or granted to another role: kept for another day
      }
    }
    if (!dropped.isEmpty()) {
      try (Connection c = cluster.open(DATABASE);
          PreparedStatement ps = c.prepareStatement("DELETE FROM created_role WHERE name = ANY (?)")) {
        Array names = c.createArrayOf("text", dropped.toArray());
        ps.setArray(1, names);
        ps.executeUpdate();
      }
    }
  }

  /** The roles a head template's replay created; empty for one not recorded. */
  Set<String> templateRoles(String template) throws SQLException {
    try (Connection c = cluster.open(DATABASE);
        PreparedStatement ps = c.prepareStatement("SELECT roles FROM template WHERE name = ?")) {
      ps.setString(1, template);
      try (ResultSet rs = ps.executeQuery()) {
        Set<String> out = new TreeSet<>();
        if (rs.next()) {
          out.addAll(List.of((String[]) rs.getArray(1).getArray()));
        }
        return out;
      }
    }
  }

  void recordTemplate(String template, Set<String> roles) throws SQLException {
    try (Connection c = cluster.open(DATABASE);
        PreparedStatement ps = c.prepareStatement("INSERT INTO template VALUES (?, ?, now()) ON CONFLICT (name)"
            + " DO UPDATE SET roles = excluded.roles, used = now()")) {
      ps.setString(1, template);
      ps.setArray(2, c.createArrayOf("text", roles.toArray()));
      ps.executeUpdate();
    }
  }

  /** Notes that a head template was used now, so that it is kept while older ones go. */
  void usedTemplate(String template) throws SQLException {
    try (Connection c = cluster.open(DATABASE);
        PreparedStatement ps = c.prepareStatement("UPDATE template SET used = now() WHERE name = ?")) {
      ps.setString(1, template);
      ps.executeUpdate();
    }
  }

  /**
   * Drops the head templates beyond the {@code keep} most recently used (a branch switched back to
   * finds its head still there; an old chain's template does not stay for ever).
   */
  void dropOldTemplates(String prefix, int keep) throws SQLException {
    List<String> recent = new java.util.ArrayList<>();
    try (Connection c = cluster.open(DATABASE); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM template ORDER BY used DESC")) {
      while (rs.next()) {
        recent.add(rs.getString(1));
      }
    }
    for (String db : Databases.named(admin, prefix)) {
      int rank = recent.indexOf(db);
      if (rank < 0 || rank >= keep) {
        Databases.drop(admin, db);
        try (Connection c = cluster.open(DATABASE);
            PreparedStatement ps = c.prepareStatement("DELETE FROM template WHERE name = ?")) {
          ps.setString(1, db);
          ps.executeUpdate();
        }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    admin.close();                                  // ends the session, and with it the advisory lock
  }
}
