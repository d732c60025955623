package retort.scratch;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.diff.Plan;
import retort.script.ScriptDirectory;

/**
 * Autogenerate's work on a scratch server, as one session that holds the server's lock: head replayed
 * (or taken from its template), the declared schema loaded and read, each side's roles scoped, and a
 * plan proven on a copy of head.
 */
public final class Scratchpad implements AutoCloseable {

  /** Both sides as a plan compares them: catalogs with only the roles each side manages. */
  public record Sides(Head head, Catalog from, Catalog to, Set<String> headRoles, Set<String> declaredRoles) {}

  private final ScratchState state;

  private Scratchpad(ScratchState state) {
    this.state = state;
  }

  /** Opens a session on the server, waiting while another run uses it. */
  public static Scratchpad open(Cluster cluster) throws SQLException {
    return new Scratchpad(ScratchState.open(cluster));
  }

  /**
   * Head at a target of the chain ({@code head}, a revision): replayed, or its cached template. A
   * target the graph does not know throws its {@code GraphException}.
   */
  public Head head(ScriptDirectory scripts, String target) throws SQLException, ReplayException {
    return HeadTemplates.head(state, scripts, target);
  }

  /**
   * The revisions a database's version rows record, replayed (or their cached template); an unknown
   * row throws {@code GraphException.UnknownApplied}.
   */
  public Head recorded(ScriptDirectory scripts, List<String> rows) throws SQLException, ReplayException {
    return rows.isEmpty() ? empty() : HeadTemplates.recorded(state, scripts, rows);
  }

  /** Head of a chain with no revision: an empty database. */
  public Head empty() throws SQLException {
    return HeadTemplates.empty(state);
  }

  /** Loads the declared schema from a folder and reads it; the roles its files create come with it. */
  public Head declared(Path folder) throws SQLException, DeclaredException {
    DeclaredLoader.Declared d = DeclaredLoader.load(state, SchemaFiles.read(folder));
    return new Head(null, d.catalog(), d.roles());
  }

  /** The two sides with each one's roles scoped: those a side creates, minus those the other still uses. */
  public static Sides sides(Head from, Head to) {
    RoleScope scope = RoleScope.of(from.roles(), to.roles(), to.catalog());
    return new Sides(from, RoleScope.only(from.catalog(), scope.head()), RoleScope.only(to.catalog(), scope.declared()),
        scope.head(), scope.declared());
  }

  /**
   * Proves a plan written as parts: upgraded on a copy of head it reads as the declared schema with
   * its rows kept, downgraded it reads as head.
   */
  public void prove(Sides sides, Plan plan, List<Part> parts) throws SQLException, ProofException {
    Proof.prove(state, sides.head(), sides.from(), sides.to(), new RoleScope(sides.headRoles(), sides.declaredRoles()),
        parts, plan);
  }

  /**
   * A database elsewhere (an environment's), read through a connection the caller opened; the roles it
   * manages are those its objects grant something to.
   */
  public static Head database(Connection c, java.util.function.UnaryOperator<Catalog> filter) throws SQLException {
    Catalog catalog = filter.apply(CatalogReader.read(c));
    return new Head(null, catalog, RoleScope.referenced(catalog));
  }

  /** A database elsewhere, already read; the roles it manages are those its objects grant something to. */
  public static Head database(Catalog catalog) {
    return new Head(null, catalog, RoleScope.referenced(catalog));
  }

  /** How long each phase of this session's work took so far: replay, load, introspection, proof. */
  public java.util.Map<String, Long> millis() {
    return state.clock().millis();
  }

  @Override
  public void close() throws SQLException {
    state.close();
  }
}
