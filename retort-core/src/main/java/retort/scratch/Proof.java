package retort.scratch;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.catalog.Kind;
import retort.catalog.ObjectId;
import retort.catalog.Table;
import retort.diff.Action;
import retort.diff.Differ;
import retort.diff.Options;
import retort.diff.Plan;
import retort.diff.Step;
import retort.db.OneMessage;
import retort.sql.Lexer;
import retort.sql.SqlSyntaxException;

/**
 * The proof of a plan before it is written: on head with a row in each table, the upgrade runs part by
 * part, and the database must then read exactly as the declared schema (and still hold its rows);
 * the downgrade runs, and the database must read exactly as head again.
 *
 * <p>When no part must commit before the next (as a new enum value must before its first use), the
 * whole proof runs in one transaction on head's template itself and is rolled back, the concurrent
 * forms run as their plain equivalents (same end state); otherwise it runs on a copy of the template,
 * each part as the runner will run it.
 */
final class Proof {

  private static final Pattern CONCURRENTLY = Pattern.compile("(?i)\\bCONCURRENTLY\\s+");

  private final Catalog head;
  private final Catalog declared;
  private final RoleScope roles;
  private final List<Part> parts;
  private final Set<ObjectId> droppedTables;
  private final Clock clock;

  private Proof(Catalog head, Catalog declared, RoleScope roles, List<Part> parts, Set<ObjectId> droppedTables,
      Clock clock) {
    this.clock = clock;
    this.head = head;
    this.declared = declared;
    this.roles = roles;
    this.parts = parts;
    this.droppedTables = droppedTables;
  }

  static void prove(ScratchState state, Head h, Catalog headCatalog, Catalog declared, RoleScope roles,
      List<Part> parts, Plan plan) throws SQLException, ProofException {
    Proof proof = new Proof(headCatalog, declared, roles, parts, droppedTables(plan), state.clock());
    boolean commits = plan.steps().stream().anyMatch(Step::commitAfter) && parts.size() > 1;
    String database = h.template() == null ? ScratchState.WORK : h.template();
    if (!commits) {
      try (Connection c = state.cluster().open(database)) {
        c.setAutoCommit(false);
        try {
          proof.run(c, true);
        } finally {
          c.rollback();
        }
      }
      return;
    }
    String copy = Databases.fresh("retort_proof_");
    Databases.create(state.admin(), copy, h.template() == null ? "template0" : h.template());
    Set<String> before = state.roles();
    try (Connection c = state.cluster().open(copy)) {
      c.setAutoCommit(false);
      proof.run(c, false);
    } finally {
      Databases.drop(state.admin(), copy);
      Set<String> created = new TreeSet<>(state.roles());
      created.removeAll(before);
      state.created(created);
    }
  }

  /** Seeds, upgrades, checks, downgrades, checks; {@code within} keeps it all in the open transaction. */
  private void run(Connection c, boolean within) throws SQLException, ProofException {
    Map<ObjectId, Long> rows = clock.time("proof", () -> Seeder.seed(c, head, declared));
    settle(c, within);
    for (Part p : parts) {
      clock.<Void, ProofException>time("proof", () -> {
        apply(c, p, p.upgrade(), "upgrade", within);
        settle(c, within);
        return null;
      });
    }
    Catalog upgraded = RoleScope.only(read(c, within), roles.declared());
    same(upgraded, declared, "after the upgrade, head still differs from the declared schema");
    List<Table> kept = new ArrayList<>();
    for (Table t : head.all(Table.class)) {
      if (declared.has(t.id()) && !droppedTables.contains(t.id())) {
        kept.add(t);
      }
    }
    for (Map.Entry<ObjectId, Long> e : Seeder.counts(c, kept).entrySet()) {
      long before = rows.get(e.getKey());
      if (e.getValue() != before) {
        throw new ProofException("the upgrade changes the rows of " + e.getKey() + ": " + before + " before, "
            + e.getValue() + " after");
      }
    }
    for (int i = parts.size() - 1; i >= 0; i--) {
      Part p = parts.get(i);
      clock.<Void, ProofException>time("proof", () -> {
        apply(c, p, p.downgrade(), "downgrade", within);
        settle(c, within);
        return null;
      });
    }
    Catalog downgraded = RoleScope.only(read(c, within), roles.head());
    same(downgraded, head, "after the downgrade, the database differs from head");
  }

  /**
   * What a commit does between parts: deferred constraint checks run now (inside the proof's one
   * transaction, as a commit would run them), or the seed rows commit.
   */
  private static void settle(Connection c, boolean within) throws SQLException {
    if (within) {
      Databases.execute(c, "SET CONSTRAINTS ALL IMMEDIATE");
    } else if (!c.getAutoCommit()) {
      c.commit();
    }
  }

  private Catalog read(Connection c, boolean within) throws SQLException {
    return clock.time("introspection", () -> readNow(c, within));
  }

  private static Catalog readNow(Connection c, boolean within) throws SQLException {
    if (within) {
      return CatalogReader.readWithin(c);
    }
    c.setAutoCommit(true);
    try {
      return CatalogReader.read(c);
    } finally {
      c.setAutoCommit(false);
    }
  }

  private void same(Catalog actual, Catalog expected, String what) throws ProofException, SQLException {
    Plan rest = clock.time("diff", () -> Differ.diff(actual, expected, new Options(false, List.of())));
    if (rest.isEmpty()) {
      return;
    }
    Set<String> objects = new TreeSet<>();
    for (Step s : rest.steps()) {
      objects.add(s.target().kind().name().toLowerCase().replace('_', ' ') + " " + s.target() + " (" + s.what() + ")");
    }
    throw new ProofException(what + ": " + String.join("; ", objects));
  }

  /**
   * Runs a section: within the proof's transaction, or as the runner does (one transaction for a
   * transactional part, statement by statement otherwise).
   */
  private static void apply(Connection c, Part part, String section, String direction, boolean within)
      throws SQLException, ProofException {
    List<retort.sql.Statement> statements;
    try {
      statements = Lexer.statements(section, 1);
    } catch (SqlSyntaxException e) {
      throw new ProofException("the " + direction + " of " + part.name() + " does not lex: " + e.getMessage());
    }
    boolean alone = !within && !part.transactional();
    c.setAutoCommit(alone);
    try {
      if (alone) {
        for (retort.sql.Statement st : statements) {       // each statement in a transaction of its own
          send(c, List.of(st), part, direction, within);
        }
      } else {
        send(c, statements, part, direction, within);      // one message, as the runner sends a revision
        if (!within) {
          c.commit();
        }
      }
    } finally {
      if (!within) {
        c.setAutoCommit(false);
      }
    }
  }

  private static void send(Connection c, List<retort.sql.Statement> statements, Part part, String direction,
      boolean within) throws SQLException, ProofException {
    if (statements.isEmpty()) {
      return;
    }
    List<String> sql = new ArrayList<>();
    for (retort.sql.Statement st : statements) {
      sql.add(within && !part.transactional() ? CONCURRENTLY.matcher(st.sql()).replaceAll("") : st.sql());
    }
    int failed;
    SQLException error;
    if (c.getAutoCommit()) {
      try (java.sql.Statement s = c.createStatement()) {    // autocommit: no BEGIN around it
        s.setEscapeProcessing(false);
        s.execute(sql.get(0));
        return;
      } catch (SQLException e) {
        failed = 0;
        error = e;
      }
    } else {
      try {
        OneMessage.send(c, sql);
        return;
      } catch (OneMessage.PartFailed f) {
        failed = f.part();
        error = f.getCause();
      }
    }
    String message = error instanceof PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getMessage() : error.getMessage();
    throw new ProofException("the " + direction + " of " + part.name() + " fails on head at "
        + firstLine(statements.get(failed).sql()) + ": ERROR " + error.getSQLState() + ": " + message);
  }

  private static String firstLine(String sql) {
    String line = sql.lines().findFirst().orElse(sql);
    return "`" + (line.length() > 100 ? line.substring(0, 100) + "..." : line) + (sql.contains("\n") ? " ...`" : "`");
  }

  /** The tables a plan drops (or drops and creates again): their rows are not expected to survive. */
  private static Set<ObjectId> droppedTables(Plan plan) {
    Set<ObjectId> out = new TreeSet<>();
    for (Step s : plan.steps()) {
      if (s.action() == Action.DROP && s.target().kind() == Kind.TABLE) {
        out.add(s.target());
      }
    }
    return out;
  }
}
