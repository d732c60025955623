package retort.scratch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import retort.catalog.Catalog;
import retort.catalog.CatalogReader;
import retort.db.TableName;
import retort.db.VersionStore;
import retort.graph.Plan;
import retort.graph.Planner;
import retort.graph.Step;
import retort.run.LockTimeout;
import retort.run.Progress;
import retort.run.Refusal;
import retort.run.RunSettings;
import retort.run.Runner;
import retort.run.StepFailure;
import retort.script.ScriptDirectory;

/**
 * Head replayed: the migration chain up to a target run by Retort's own runner into a scratch
 * database, which is then kept as a template named after the chain's checksums (with the server's
 * major version and the model's version), so that the next run with the same chain does not replay.
 */
final class HeadTemplates {

  /** Bumped when what a template holds or how it is read changes, so that old templates are not reused. */
  static final String MODEL_VERSION = "1";
  static final String PREFIX = "retort_head_";
  /** How many head templates a scratch server keeps: the newest, and a few others to switch back to. */
  static final int KEPT = 3;
  private static final TableName REPLAY_VERSIONS = new TableName("retort_replay", "retort_version");

  private HeadTemplates() {}

  static Head head(ScratchState state, ScriptDirectory scripts, String target) throws SQLException, ReplayException {
    return head(state, scripts, planner -> planner.upgrade(List.of(), target));
  }

  /**
   * The revisions a database's version rows record (any set of heads), replayed: each row and its
   * ancestors, with the files that database follows ({@code scripts} kept to its rows).
   */
  static Head recorded(ScratchState state, ScriptDirectory scripts, List<String> rows)
      throws SQLException, ReplayException {
    return head(state, scripts, planner -> planner.upgradeTo(List.of(), rows));
  }

  /**
   * The plan's revisions replayed from an empty database, or taken from the template of the same
   * revisions: the key is the set of revisions applied (the plan's steps, in order) with their files'
   * checksums, so that any set of heads, a squash standing for its range or the replaced files each
   * have a template of their own.
   */
  private static Head head(ScratchState state, ScriptDirectory scripts, Function<Planner, Plan> planning)
      throws SQLException, ReplayException {
    Plan plan = planning.apply(new Planner(scripts.graph()));
    if (plan.steps().isEmpty()) {
      return empty(state);
    }
    int version = Databases.serverVersion(state.admin());
    String name = PREFIX + key(scripts, plan, version);
    if (Databases.exists(state.admin(), name)) {
      state.usedTemplate(name);
    } else {
      try {
        replay(state, scripts, planning, name);
      } catch (ReplayException e) {
        if (!(e.getCause() instanceof StepFailure f) || !"42710".equals(f.sqlState())) {
          throw e;
        }
        for (String other : Databases.named(state.admin(), PREFIX)) {
          Databases.drop(state.admin(), other);     // a role another template's replay made is in the way
        }
        state.dropUnusedRoles();
        replay(state, scripts, planning, name);
      }
      state.dropOldTemplates(PREFIX, KEPT);
    }
    Catalog catalog;
    try (Connection c = state.cluster().open(name)) {
      catalog = state.clock().time("introspection", () -> CatalogReader.read(c));
    }
    // the chain's roles: those its replay created, and those it uses that an earlier replay created (a
    // chain creates its roles where missing, so on this server it may have found them already there)
    Set<String> roles = new TreeSet<>(RoleScope.referenced(catalog));
    roles.retainAll(state.recordedRoles());
    roles.addAll(state.templateRoles(name));
    return new Head(name, catalog, roles);
  }

  /** Head of an empty chain: an empty database (made from template0 when the plan needs a copy). */
  static Head empty(ScratchState state) throws SQLException {
    try (Connection c = state.cluster().open(ScratchState.WORK)) {
      return new Head(null, CatalogReader.read(c), Set.of());
    }
  }

  private static void replay(ScratchState state, ScriptDirectory scripts, Function<Planner, Plan> planning,
      String name) throws SQLException, ReplayException {
    String build = Databases.fresh("retort_build_");
    Databases.create(state.admin(), build, "template0");
    Set<String> before = state.roles();
    try {
      RunSettings settings = new RunSettings(null, null, 0, Duration.ZERO, Duration.ofSeconds(60), "scratch", "", false);
      Runner runner = new Runner(scripts, () -> state.cluster().open(build), new VersionStore(REPLAY_VERSIONS), settings,
          Progress.SILENT);
      long start = System.nanoTime();
      try {
        runner.run((planner, rows) -> planning.apply(planner), false, false);
      } finally {
        state.clock().add("replay", System.nanoTime() - start);
      }
      try (Connection c = state.cluster().open(build)) {
        Databases.execute(c, "DROP SCHEMA " + REPLAY_VERSIONS.schema() + " CASCADE");
      }
      Set<String> created = new TreeSet<>(state.roles());
      created.removeAll(before);
      state.created(created);
      Databases.rename(state.admin(), build, name);
      state.recordTemplate(name, created);
    } catch (StepFailure | LockTimeout | Refusal e) {
      Set<String> created = new TreeSet<>(state.roles());
      created.removeAll(before);
      state.created(created);
      Databases.drop(state.admin(), build);
      throw new ReplayException(e);
    } catch (SQLException | RuntimeException e) {
      Databases.drop(state.admin(), build);
      throw e;
    }
  }

  /** SHA-256 over the model version, the server's major version and each revision's id and checksum, in order. */
  static String key(ScriptDirectory scripts, Plan plan, int serverVersion) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("retort head " + MODEL_VERSION + "\npg " + serverVersion / 10000 + "\n").getBytes(StandardCharsets.UTF_8));
      for (Step s : plan.steps()) {
        String id = s.revision().id();
        sha.update((id + " " + scripts.script(id).checksum() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
