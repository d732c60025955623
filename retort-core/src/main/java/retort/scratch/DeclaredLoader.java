package retort.scratch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.catalog.Names;
import retort.db.OneMessage;
import retort.scratch.SchemaFiles.SchemaFile;

/**
 * Loads the declared schema into a fresh scratch database and reads its catalog, in one transaction
 * that is rolled back afterwards: one savepoint per file, files that fail for want of an object
 * another file creates retried in further rounds (so files need no particular order), function
 * bodies checked once everything exists. A role that a file creates but that already exists on the
 * server (from the head's replay, say) is renamed aside for the transaction, so that the declared
 * role is read with the attributes the file gives it.
 */
final class DeclaredLoader {

  /** SQLSTATEs of "does not exist (yet)": undefined table, column, object, function; invalid schema. */
  private static final Set<String> UNDEFINED = Set.of("42P01", "42703", "42704", "42883", "3F000");
  private static final Pattern CREATE_ROLE =
      Pattern.compile("(?is)^CREATE\\s+(?:ROLE|USER|GROUP)\\s+(\"(?:[^\"]|\"\")+\"|[^\\s;]+)");
  private static final Pattern CONCURRENT_INDEX =
      Pattern.compile("(?is)^(CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+)CONCURRENTLY\\s+");

  /** The declared schema as read, and the roles its files create. */
  record Declared(Catalog catalog, Set<String> roles) {}

  private DeclaredLoader() {}

  static Declared load(ScratchState state, List<SchemaFile> files) throws SQLException, DeclaredException {
    try (Connection c = state.cluster().open(ScratchState.WORK)) {
      c.setAutoCommit(false);
      try {
        Set<String> roles = new TreeSet<>();
        state.clock().time("load", () -> {
          Databases.execute(c, "SET LOCAL check_function_bodies = off");
          run(c, files, roles);
          validateBodies(c, files);
          return null;
        });
        return new Declared(state.clock().time("introspection", () -> CatalogReader.readWithin(c)), roles);
      } finally {
        c.rollback();
      }
    }
  }

  /** The files in rounds: a file that fails for an undefined object waits for the next round. */
  private static void run(Connection c, List<SchemaFile> files, Set<String> roles)
      throws SQLException, DeclaredException {
    List<SchemaFile> pending = new ArrayList<>(files);
    Map<SchemaFile, DeclaredException> errors = new LinkedHashMap<>();
    int asides = 0;
    while (!pending.isEmpty()) {
      List<SchemaFile> next = new ArrayList<>();
      errors.clear();
      for (SchemaFile f : pending) {
        Databases.execute(c, "SAVEPOINT retort_file");
        List<String> parts = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        Set<String> created = new TreeSet<>();
        for (retort.sql.Statement s : f.statements()) {
          String sql = CONCURRENT_INDEX.matcher(s.sql()).replaceFirst("$1");
          String role = roleCreated(sql);
          if (role != null) {
            if (exists(c, role)) {
              parts.add("ALTER ROLE " + Names.quote(role) + " RENAME TO " + Names.quote("retort_aside_" + ++asides));
              lines.add(s.line());
            }
            created.add(role);
          }
          parts.add(sql);
          lines.add(s.line());
        }
        try {
          if (!parts.isEmpty()) {
            OneMessage.send(c, parts);
          }
          Databases.execute(c, "RELEASE SAVEPOINT retort_file");
          roles.addAll(created);
        } catch (OneMessage.PartFailed e) {
          Databases.execute(c, "ROLLBACK TO SAVEPOINT retort_file");
          SQLException cause = e.getCause();
          DeclaredException error = error(f.name(), lines.get(e.part()), cause);
          if (!UNDEFINED.contains(cause.getSQLState())) {
            throw error;
          }
          next.add(f);
          errors.put(f, error);
        }
      }
      if (next.size() == pending.size()) {
        DeclaredException first = errors.values().iterator().next();
        throw new DeclaredException(first.file(), first.line(), first.getMessage(), "create it in one of the schema"
            + " files (they may come in any order), or fix the name; "
            + (next.size() == 1 ? "this file" : next.size() + " files") + " could not be loaded for want of it");
      }
      pending = next;
    }
  }

  private static String roleCreated(String sql) {
    Matcher m = CREATE_ROLE.matcher(sql);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1);
    return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name.toLowerCase();
  }

  private static boolean exists(Connection c, String role) throws SQLException {
    try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?")) {
      ps.setString(1, role);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static DeclaredException error(String file, int line, SQLException e) {
    String hint = "fix the statement";
    String message = e.getMessage();
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      message = m.getMessage();
      if (m.getHint() != null) {
        hint = m.getHint();
      }
    }
    return new DeclaredException(file, line, "ERROR " + e.getSQLState() + ": " + message, hint);
  }

  /**
   * Checks every SQL and PL/pgSQL body now that all objects exist (the files ran with
   * check_function_bodies off, so that a body may name what a later file creates).
   */
  private static void validateBodies(Connection c, List<SchemaFile> files) throws SQLException, DeclaredException {
    Databases.execute(c, "SAVEPOINT retort_bodies");
    Databases.execute(c, "SET LOCAL check_function_bodies = on");
    try (Statement s = c.createStatement()) {
      s.execute("DO $retort$\n"
          + "DECLARE r record;\n"
          + "BEGIN\n"
          + "  FOR r IN SELECT p.oid, l.lanvalidator::regproc AS validator FROM pg_catalog.pg_proc p\n"
          + "             JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n"
          + "             JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
          + "            WHERE l.lanname IN ('sql', 'plpgsql') AND p.prokind IN ('f', 'p')\n"
          + "              AND n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'\n"
          + "              AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass\n"
          + "                               AND d.objid = p.oid AND d.deptype = 'e')\n"
          + "  LOOP\n"
          + "    BEGIN\n"
          + "      EXECUTE pg_catalog.format('SELECT %s(%s)', r.validator, r.oid);\n"
          + "    EXCEPTION WHEN OTHERS THEN\n"
          + "      RAISE EXCEPTION 'retort-body %: %', r.oid::regprocedure, SQLERRM USING ERRCODE = SQLSTATE;\n"
          + "    END;\n"
          + "  END LOOP;\n"
          + "END\n$retort$");
      Databases.execute(c, "RELEASE SAVEPOINT retort_bodies");
    } catch (SQLException e) {
      Databases.execute(c, "ROLLBACK TO SAVEPOINT retort_bodies");
      String message = e instanceof PSQLException p && p.getServerErrorMessage() != null
          ? p.getServerErrorMessage().getMessage() : e.getMessage();
      Matcher m = Pattern.compile("retort-body (\\S+?)\\((.*?)\\): (.*)", Pattern.DOTALL).matcher(message);
      if (!m.find()) {
        throw e;
      }
      String routine = m.group(1);
      String bare = routine.substring(routine.lastIndexOf('.') + 1).replace("\"", "");
      for (SchemaFile f : files) {
        for (retort.sql.Statement st : f.statements()) {
          if (st.sql().matches("(?is)^CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\s+.*")
              && st.sql().toLowerCase().contains(bare.toLowerCase())) {
            throw new DeclaredException(f.name(), st.line(), "ERROR " + e.getSQLState() + ": in the body of "
                + routine + "(" + m.group(2) + "): " + m.group(3), "fix the function body");
          }
        }
      }
      throw new DeclaredException(files.isEmpty() ? "schema" : files.get(0).name(), 0, "ERROR " + e.getSQLState()
          + ": in the body of " + routine + "(" + m.group(2) + "): " + m.group(3), "fix the function body");
    }
  }
}
