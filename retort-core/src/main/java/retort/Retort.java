package retort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import retort.db.ConnectionSource;
import retort.db.TableName;
import retort.db.VersionStore;
import retort.graph.GraphException;
import retort.graph.Plan;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.RevisionGraph;
import retort.graph.Step;
import retort.run.LockTimeout;
import retort.run.Progress;
import retort.run.Refusal;
import retort.run.RunReport;
import retort.run.RunSettings;
import retort.run.Runner;
import retort.run.StepFailure;
import retort.script.RevisionWriter;
import retort.script.Script;
import retort.script.ScriptDirectory;
import retort.script.ScriptException;

/**
 * Retort, one method per command. The command line and an application's start-up call share this
 * one code path: {@code Retort.configure(dataSource, location).upgrade("head")}.
 *
 * <p>Every failure a user can cause or meet is a {@link RetortException} with a hint.
 */
public final class Retort {

  private final Config config;
  private final ConnectionSource source;
  private final String target;
  private final Progress progress;
  private final boolean singleTransaction;
  private ScriptDirectory scripts;

  private Retort(Config config, ConnectionSource source, String target, Progress progress, boolean singleTransaction) {
    this.config = config;
    this.source = source;
    this.target = target;
    this.progress = progress;
    this.singleTransaction = singleTransaction;
  }

  /** Retort over a data source, with the default version table and settings. */
  public static Retort configure(DataSource dataSource, Path scriptLocation) {
    Config config = new Config(scriptLocation, null, null, Environment.of("default", "datasource"));
    return new Retort(config, dataSource::getConnection, "the configured data source", Progress.SILENT, false);
  }

  /**
   * Retort over any source of connections; {@code target} names the database in messages and must
   * not contain a password.
   */
  public static Retort create(Config config, ConnectionSource source, String target, Progress progress) {
    return new Retort(config, source, target, progress, false);
  }

  /** The same Retort, reporting its progress to this listener. */
  public Retort withProgress(Progress listener) {
    return new Retort(config, source, target, listener, singleTransaction);
  }

  /**
   * The same Retort, running each upgrade or downgrade in one transaction (Alembic's default on
   * PostgreSQL) instead of one transaction per migration.
   */
  public Retort withSingleTransaction(boolean single) {
    return new Retort(config, source, target, progress, single);
  }

  public Config config() {
    return config;
  }

  // ---- commands

  /** Applies the migrations the target needs; {@code resume} continues a stopped non-transactional one. */
  public MigrationResult upgrade(String target, boolean resume) {
    return upgrade(target, resume, false);
  }

  /** Upgrades; {@code allowChanged} accepts applied migrations whose files changed since they ran. */
  public MigrationResult upgrade(String target, boolean resume, boolean allowChanged) {
    ScriptDirectory dir = scripts();
    return migrate(() -> runner(dir).upgrade(target, resume, allowChanged), dir);
  }

  public MigrationResult upgrade(String target) {
    return upgrade(target, false);
  }

  /** Undoes the applied migrations above the target, newest first. */
  public MigrationResult downgrade(String target) {
    ScriptDirectory dir = scripts();
    return migrate(() -> runner(dir).downgrade(target), dir);
  }

  /** Sets the version table to the target without running migrations; {@code purge} empties it first. */
  public MigrationResult stamp(String target, boolean purge) {
    ScriptDirectory dir = scripts();
    return migrate(() -> runner(dir).stamp(target, purge), dir);
  }

  /**
   * What is wrong between the files and the database: applied migrations edited since they ran, a
   * non-transactional migration stopped part way. Empty when all is well.
   */
  public List<String> validate() {
    ScriptDirectory dir = scripts();
    try {
      return runner(dir).validate();
    } catch (GraphException e) {
      throw Errors.of(e);
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  /** Accepts an intended edit of an applied migration by logging the file's current checksum. */
  public void updateChecksum(String revision) {
    ScriptDirectory dir = scripts();
    migrate(() -> {
      runner(dir).updateChecksum(revision);
      return null;
    }, dir);
  }

  /** The migrations an {@code upgrade heads} would run; empty when the database is at its heads. */
  public List<StepSummary> pending() {
    return pending("heads");
  }

  /** The migrations an upgrade to the target would run now, without running them. */
  public List<StepSummary> pending(String target) {
    ScriptDirectory dir = scripts();
    List<String> rows = rows();
    try {
      return result(new Planner(dir.graph()).upgrade(rows, target), dir).steps();
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** The ids of every revision applied to the database: the version rows and all their ancestors. */
  public Set<String> applied() {
    ScriptDirectory dir = scripts();
    List<String> rows = rows();
    try {
      Set<String> out = new HashSet<>();
      for (Revision r : dir.graph().applied(rows)) {
        out.add(r.id());
      }
      return out;
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** One revision in full: a full id, a prefix, a label, or head / label@head. */
  public RevisionInfo show(String name) {
    ScriptDirectory dir = scripts();
    try {
      List<Revision> found = new Planner(dir.graph()).resolve(List.of(), name);
      if (found.size() != 1) {
        throw new RetortException(RetortException.Kind.USAGE, null, "'" + name + "' names " + found.size()
            + " revisions", "name one revision");
      }
      return info(dir, found.get(0), Set.of());
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** The branch points: revisions that several revisions follow. */
  public List<RevisionInfo> branches() {
    ScriptDirectory dir = scripts();
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().revisions()) {
      if (dir.graph().childrenOf(r).size() > 1) {
        out.add(info(dir, r, Set.of()));
      }
    }
    return out;
  }

  /** The revisions that follow this one. */
  public List<RevisionInfo> children(String id) {
    ScriptDirectory dir = scripts();
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().childrenOf(dir.graph().resolve(id))) {
      out.add(info(dir, r, Set.of()));
    }
    return out;
  }

  /**
   * Offline mode: the SQL script of an upgrade ({@code [START:]END}, START default base) or a
   * downgrade ({@code START:END}), made without connecting to the database.
   */
  public String offlineSql(String direction, String range) {
    ScriptDirectory dir = scripts();
    int colon = range.indexOf(':');
    boolean upgrade = direction.equals("upgrade");
    if (colon < 0 && !upgrade) {
      throw new RetortException(RetortException.Kind.USAGE, "--sql",
          "an offline downgrade needs a start: '" + range + "' has no ':'", "write START:END, e.g. head:base");
    }
    String start = colon < 0 ? "base" : range.substring(0, colon);
    String end = colon < 0 ? range : range.substring(colon + 1);
    try {
      Planner planner = new Planner(dir.graph());
      List<String> rows = start.equals("base") ? List.of() : ids(planner.resolve(List.of(), start));
      Plan plan = upgrade ? planner.upgrade(rows, end) : planner.downgrade(rows, end);
      if (!upgrade) {
        for (Step step : plan.steps()) {
          if (!dir.script(step.revision()).downgrade().present()) {
            throw new RetortException(RetortException.Kind.USAGE, dir.script(step.revision()).name(),
                "no `-- +downgrade` section, so " + step.revision().id() + " cannot be undone",
                "add a `-- +downgrade` section to the file");
          }
        }
      }
      return new retort.run.OfflineScript(dir, store(), settings()).render(plan, direction + " " + start + ":" + end);
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** The revisions the database is at: one per version row. */
  public List<RevisionInfo> current() {
    ScriptDirectory dir = scripts();
    List<String> rows = rows();
    try {
      dir.graph().applied(rows);
    } catch (GraphException e) {
      throw Errors.of(e);
    }
    List<RevisionInfo> out = new ArrayList<>();
    Set<String> current = new HashSet<>(rows);
    for (Revision r : currentRevisions(dir.graph(), rows)) {
      out.add(info(dir, r, current));
    }
    return out;
  }

  /** Every revision between the range's ends ({@code lower:upper}, either may be empty), newest first. */
  public List<RevisionInfo> history(String range, boolean markCurrent) {
    ScriptDirectory dir = scripts();
    RevisionGraph graph = dir.graph();
    List<String> rows = markCurrent || (range != null && range.contains("current")) ? rows() : List.of();
    Revision lower = null;
    List<Revision> uppers = graph.heads();
    if (range != null && !range.isBlank()) {
      int colon = range.indexOf(':');
      if (colon < 0) {
        throw new RetortException(RetortException.Kind.USAGE, null,
            "the range '" + range + "' has no ':'", "write START:END, e.g. base:head, -3:, current:, ae10:heads");
      }
      String lo = range.substring(0, colon).strip();
      String hi = range.substring(colon + 1).strip();
      try {
        Planner planner = new Planner(graph);
        if (lo.equals("current")) {
          List<Revision> at = currentRevisions(graph, rows);
          if (at.size() > 1) {
            throw new RetortException(RetortException.Kind.USAGE, null, "the database is at several heads: "
                + ids(at), "name one of them instead of current");
          }
          lower = at.isEmpty() ? null : at.get(0);
        } else if (!lo.isEmpty() && !lo.equals("base")) {
          lower = planner.destination(rows, lo).orElse(null);
        }
        if (hi.equals("current")) {
          uppers = currentRevisions(graph, rows);
        } else if (!hi.isEmpty() && !hi.equals("heads")) {
          uppers = planner.resolve(rows, hi);
        }
      } catch (GraphException e) {
        throw Errors.of(e);
      }
    }
    Set<String> current = new HashSet<>(rows);
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : graph.between(lower, uppers)) {
      out.add(info(dir, r, current));
    }
    return out;
  }

  private static List<Revision> currentRevisions(RevisionGraph graph, List<String> rows) {
    List<Revision> out = new ArrayList<>();
    for (String row : rows) {
      graph.get(row).ifPresent(out::add);
    }
    return out;
  }

  /** The heads of the graph: revisions no other revision follows. */
  public List<RevisionInfo> heads() {
    ScriptDirectory dir = scripts();
    List<RevisionInfo> out = new ArrayList<>();
    for (Revision r : dir.graph().heads()) {
      out.add(info(dir, r, Set.of()));
    }
    return out;
  }

  /**
   * Writes a new migration file parented on {@code head} (the single head when null; {@code base}
   * starts a new base), and returns its path.
   */
  public Path revision(String message, String head, String revId, List<String> branchLabels, List<String> dependsOn) {
    return newRevision(message, head == null ? List.of() : List.of(head), revId, branchLabels, dependsOn);
  }

  /** Writes a merge revision whose parents are the revisions the targets name (e.g. {@code heads}). */
  public Path merge(String message, List<String> revisions, String revId) {
    ScriptDirectory dir = scripts();
    List<String> parents = new ArrayList<>();
    try {
      Planner planner = new Planner(dir.graph());
      for (String r : revisions) {
        for (Revision found : planner.resolve(List.of(), r)) {
          if (!parents.contains(found.id())) {
            parents.add(found.id());
          }
        }
      }
    } catch (GraphException e) {
      throw Errors.of(e);
    }
    if (parents.size() < 2) {
      throw new RetortException(RetortException.Kind.USAGE, null, "a merge needs two or more revisions, got "
          + (parents.isEmpty() ? "none" : String.join(", ", parents)), "name the heads to merge, or use `heads`");
    }
    return write(dir, message, parents, revId, List.of(), List.of());
  }

  private Path newRevision(String message, List<String> heads, String revId, List<String> branchLabels,
      List<String> dependsOn) {
    ScriptDirectory dir = scripts();
    RevisionGraph graph = dir.graph();
    String head = heads.isEmpty() ? null : heads.get(0);
    List<String> parents;
    try {
      if (head != null && head.equals("base")) {
        parents = List.of();
      } else if (head == null || head.equals("head")) {
        if (graph.heads().size() > 1) {
          throw new RetortException(RetortException.Kind.USAGE, null,
              "there are several heads: " + ids(graph.heads()),
              "pass --head REV to choose the parent, or merge the heads first");
        }
        parents = graph.heads().isEmpty() ? List.of() : List.of(graph.heads().get(0).id());
      } else {
        parents = ids(new Planner(graph).resolve(List.of(), head));
      }
      for (String d : dependsOn) {
        graph.resolve(d);
      }
    } catch (GraphException e) {
      throw Errors.of(e);
    }
    return write(dir, message, parents, revId, branchLabels, dependsOn);
  }

  private Path write(ScriptDirectory dir, String message, List<String> parents, String revId,
      List<String> branchLabels, List<String> dependsOn) {
    RevisionGraph graph = dir.graph();
    String id = revId == null ? RevisionWriter.newId() : revId;
    if (!id.matches("[A-Za-z0-9_]{1,32}")) {
      throw new RetortException(RetortException.Kind.USAGE, "--rev-id", "'" + id + "' is not a valid revision id",
          "use 1 to 32 letters, digits or underscores");
    }
    if (graph.get(id).isPresent()) {
      throw new RetortException(RetortException.Kind.USAGE, "--rev-id", "revision " + id + " already exists in "
          + dir.script(id).name(), "choose another id, or leave --rev-id out for a random one");
    }
    try {
      return RevisionWriter.write(config.scriptLocation(), id, parents, message,
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), branchLabels, dependsOn);
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, config.scriptLocation().toString(),
          "cannot write the new migration: " + e.getMessage(), "check that the versions directory is writable");
    }
  }

  /** Creates a new migration environment in {@code dir}: retort.toml, migrations/versions, the template. */
  public static Path init(Path dir) {
    Path migrations = dir.resolve("migrations");
    Path toml = dir.resolve("retort.toml");
    if (Files.exists(toml) || Files.exists(migrations.resolve(ScriptDirectory.VERSIONS))) {
      throw new RetortException(RetortException.Kind.USAGE, dir.toString(),
          "a migration environment already exists here", "choose an empty or new directory");
    }
    try {
      Files.createDirectories(migrations.resolve(ScriptDirectory.VERSIONS));
      Files.writeString(migrations.resolve(ScriptDirectory.TEMPLATE), RevisionWriter.defaultTemplate());
      Files.writeString(toml, "script_location = \"migrations\"\n"
          + "version_table = \"retort_version\"\n"
          + "version_table_schema = \"public\"\n\n"
          + "[env.dev]\nurl = \"embedded\"\n\n"
          + "[env.prod]\nurl = \"${DATABASE_URL}\"\nlock_timeout = \"5s\"\nconfirm = true\nallow_downgrade = false\n");
      return dir;
    } catch (IOException e) {
      throw new RetortException(RetortException.Kind.ERROR, dir.toString(), "cannot create the environment: "
          + e.getMessage(), "check that the directory is writable");
    }
  }

  /** Retort's own version, from the jar. */
  public static String version() {
    try (InputStream in = Retort.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "dev");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- internals

  /** The migration files, parsed once per facade. */
  public ScriptDirectory scripts() {
    if (scripts == null) {
      try {
        scripts = ScriptDirectory.load(config.scriptLocation());
      } catch (ScriptException e) {
        throw Errors.of(e);
      } catch (GraphException e) {
        throw Errors.of(e);
      } catch (IOException e) {
        throw new RetortException(RetortException.Kind.USAGE, config.scriptLocation().toString(),
            "cannot read the migrations: " + e.getMessage(), "check script_location in retort.toml");
      }
    }
    return scripts;
  }

  private VersionStore store() {
    return new VersionStore(new TableName(config.effectiveSchema(), config.effectiveVersionTable()));
  }

  private RunSettings settings() {
    Environment env = config.environment();
    RunSettings d = RunSettings.defaults();
    return new RunSettings(env.lockTimeout(), env.statementTimeout(), env.lockRetries(),
        d.retryPause(), env.lockWait() == null ? d.lockWait() : env.lockWait(), env.name(), version(),
        singleTransaction);
  }

  private Runner runner(ScriptDirectory dir) {
    return new Runner(dir, source, store(), settings(), progress);
  }

  /** The version rows, read without the lock. */
  public List<String> rows() {
    try (Connection c = source.open()) {
      return store().heads(c);
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  @FunctionalInterface
  private interface Run {
    RunReport run() throws SQLException, StepFailure, LockTimeout, Refusal;
  }

  private MigrationResult migrate(Run run, ScriptDirectory dir) {
    RunReport report;
    try {
      report = run.run();
    } catch (GraphException e) {
      throw Errors.of(e);
    } catch (StepFailure e) {
      throw Errors.of(e);
    } catch (LockTimeout e) {
      throw Errors.of(e);
    } catch (Refusal e) {
      throw Errors.of(e);
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
    return report == null ? null : result(report.plan(), dir);
  }

  static MigrationResult result(Plan plan, ScriptDirectory dir) {
    List<StepSummary> steps = new ArrayList<>();
    for (Step s : plan.steps()) {
      Script script = dir.script(s.revision());
      List<String> down = s.revision().downRevisions();
      List<String> self = List.of(s.revision().id());
      int count = (s.isUpgrade() ? script.upgrade() : script.downgrade()).statements().size();
      steps.add(new StepSummary(s.revision().id(), s.direction().word(), script.name(), script.message(),
          s.isUpgrade() ? down : self, s.isUpgrade() ? self : down, count));
    }
    return new MigrationResult(steps, plan.rowsBefore(), plan.rowsAfter());
  }

  private static RevisionInfo info(ScriptDirectory dir, Revision r, Set<String> current) {
    Script s = dir.script(r);
    RevisionGraph g = dir.graph();
    int children = g.childrenOf(r).size();
    return new RevisionInfo(r.id(), r.downRevisions(), r.dependsOn(), r.branchLabels(), s.message(), s.name(),
        s.created(), children == 0, children > 1, r.downRevisions().size() > 1, current.contains(r.id()));
  }

  private static List<String> ids(List<Revision> revisions) {
    List<String> out = new ArrayList<>();
    for (Revision r : revisions) {
      out.add(r.id());
    }
    return out;
  }
}
