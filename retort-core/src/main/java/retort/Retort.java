package retort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import retort.db.ConnectionSource;
import retort.db.EarlyConnections;
import retort.db.SharedConnection;
import retort.db.TableName;
import retort.db.VersionStore;
import retort.graph.GraphException;
import retort.graph.Plan;
import retort.graph.Planner;
import retort.graph.Revision;
import retort.graph.Step;
import retort.run.LockTimeout;
import retort.run.Refusal;
import retort.run.RunReport;
import retort.run.RunSettings;
import retort.run.Runner;
import retort.run.StepFailure;
import retort.script.ClasspathLocation;
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

  /** The target {@link #upgrade()} goes to unless {@link #withTarget} says otherwise. */
  public static final String DEFAULT_TARGET = "head";

  private final Config config;
  private final ConnectionSource source;
  private final String target;
  private final RetortListener listener;
  private final boolean singleTransaction;
  private final String upgradeTarget;
  /** Where the migrations are when not in {@code config.scriptLocation()}: a class path location, or null. */
  private final ClasspathLocation classpath;
  /** Whether a run takes one connection and holds the run lock on it (true for a DataSource). */
  private final boolean oneConnection;
  /** Written in the log row of each step a run makes (see {@link #withNote}), or null. */
  private final String note;
  private ScriptDirectory scripts;

  private Retort(Config config, ConnectionSource source, String target, RetortListener listener,
      boolean singleTransaction, String upgradeTarget, ClasspathLocation classpath, boolean oneConnection) {
    this(config, source, target, listener, singleTransaction, upgradeTarget, classpath, oneConnection, null);
  }

  private Retort(Config config, ConnectionSource source, String target, RetortListener listener,
      boolean singleTransaction, String upgradeTarget, ClasspathLocation classpath, boolean oneConnection, String note) {
    this.note = note;
    this.config = config;
    this.source = source;
    this.target = target;
    this.listener = listener;
    this.singleTransaction = singleTransaction;
    this.upgradeTarget = upgradeTarget;
    this.classpath = classpath;
    this.oneConnection = oneConnection;
  }

  /**
   * Retort over an application's data source, with the migrations in {@code scriptLocation} (the
   * directory holding {@code versions/}), the default version table and settings. A run takes one
   * connection from the data source and holds the run lock on it, so a pool of one is enough.
   */
  public static Retort configure(DataSource dataSource, Path scriptLocation) {
    Config config = new Config(scriptLocation, null, null, Environment.of("default", (DatabaseUrl) null));
    return new Retort(config, dataSource::getConnection, "the configured data source", RetortListener.NONE, false,
        DEFAULT_TARGET, null, true);
  }

  /**
   * Retort over an application's data source, with the migrations at {@code location}:
   * {@code classpath:db/retort} (resources of the thread's context class loader, in directories or
   * jars), or a directory ({@code filesystem:} prefix optional). See {@link #withLocation}.
   */
  public static Retort configure(DataSource dataSource, String location) {
    return configure(dataSource, Path.of(".")).withLocation(location, null);
  }

  /** Retort over the database that the config's environment names by its URL. */
  public static Retort connect(Config config) {
    DatabaseUrl url = config.environment().url();
    if (url == null || url.isEmbedded()) {
      throw new RetortException(RetortException.Kind.USAGE, "env." + config.environment().name() + ".url",
          url == null ? "the environment has no URL" : "url = \"embedded\" names a server that must be started first",
          "give a postgresql:// URL, or run through the retort command line, which starts the embedded server");
    }
    return new Retort(config, () -> url.connect("retort"), url.toString(), RetortListener.NONE, false, DEFAULT_TARGET,
        null, false);
  }

  /**
   * Retort over any source of connections; {@code target} names the database in messages and must
   * not contain a password (a {@link DatabaseUrl}'s {@code toString()} has none).
   */
  public static Retort create(Config config, ConnectionFactory connections, String target, RetortListener listener) {
    return new Retort(config, connections::open, target, listener, false, DEFAULT_TARGET, null, false);
  }

  /** The same Retort, reporting its progress to this listener (besides logging it through SLF4J). */
  public Retort withListener(RetortListener newListener) {
    return new Retort(config, source, target, newListener, singleTransaction, upgradeTarget, classpath, oneConnection, note);
  }

  /**
   * The same Retort with the migrations at {@code location}, which holds {@code versions/} as a
   * script location on disk does: {@code classpath:db/retort} reads the resources under
   * {@code db/retort/versions/} that {@code loader} finds (null: the thread's context class loader),
   * in directories, jars, jars nested in a Spring Boot jar, or modules; {@code filesystem:DIR} or a
   * bare path is a directory. A class path location can be read, not written to ({@code revision}
   * and {@code merge} need a directory).
   */
  public Retort withLocation(String location, ClassLoader loader) {
    if (location.startsWith(ClasspathLocation.PREFIX)) {
      ClassLoader l = loader != null ? loader : Thread.currentThread().getContextClassLoader();
      ClasspathLocation at = ClasspathLocation.of(location, l != null ? l : Retort.class.getClassLoader());
      return new Retort(config, source, target, listener, singleTransaction, upgradeTarget, at, oneConnection, note);
    }
    String path = location.startsWith("filesystem:") ? location.substring("filesystem:".length()) : location;
    Config moved = new Config(Path.of(path), config.versionTable(), config.versionTableSchema(), config.environment(),
        config.cacheFile());
    return new Retort(moved, source, target, listener, singleTransaction, upgradeTarget, null, oneConnection, note);
  }

  /** Where the migrations are read from, as a user names it: a class path location or a directory. */
  public String location() {
    return classpath != null ? classpath.toString() : config.scriptLocation().toString();
  }

  /**
   * The same Retort, running each upgrade or downgrade in one transaction (Alembic's default on
   * PostgreSQL) instead of one transaction per migration.
   */
  public Retort withSingleTransaction(boolean single) {
    return new Retort(config, source, target, listener, single, upgradeTarget, classpath, oneConnection, note);
  }

  /** The same Retort with the version table of this name ({@code alembic_version} adopts Alembic's). */
  public Retort withVersionTable(String table) {
    return with(new Config(config.scriptLocation(), table, config.versionTableSchema(), config.environment(),
        config.cacheFile()));
  }

  /** The same Retort with the version and log tables in this schema. */
  public Retort withVersionTableSchema(String schema) {
    return with(new Config(config.scriptLocation(), config.versionTable(), schema, config.environment(),
        config.cacheFile()));
  }

  /** The same Retort setting this lock_timeout in each migration's transaction (null: the server's). */
  public Retort withLockTimeout(Duration lockTimeout) {
    Environment env = config.environment();
    return with(config.withEnvironment(env.withTimeouts(lockTimeout, env.statementTimeout())));
  }

  /** The same Retort recording this environment name in the log table. */
  public Retort withEnvironmentName(String name) {
    return with(config.withEnvironment(config.environment().withName(name)));
  }

  /** The same Retort keeping parsed migration files in this cache file between runs (null: none). */
  public Retort withCacheFile(Path file) {
    return with(config.withCacheFile(file));
  }

  /**
   * The same Retort writing this note in the log row of each step its runs make, e.g. why a check
   * was skipped (null: none).
   */
  public Retort withNote(String text) {
    return new Retort(config, source, target, listener, singleTransaction, upgradeTarget, classpath, oneConnection, text);
  }

  /** The same Retort whose {@link #upgrade()} goes to this target ({@code head} by default). */
  public Retort withTarget(String newTarget) {
    return new Retort(config, source, target, listener, singleTransaction, newTarget, classpath, oneConnection, note);
  }

  private Retort with(Config newConfig) {
    return new Retort(newConfig, source, target, listener, singleTransaction, upgradeTarget, classpath, oneConnection,
        note);
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
    return withScripts(2, (dir, connections) ->
        migrate(() -> runner(dir, connections).upgrade(target, resume, allowChanged), dir));
  }

  public MigrationResult upgrade(String target) {
    return upgrade(target, false);
  }

  /** Upgrades to the configured target ({@code head} unless {@link #withTarget} says otherwise). */
  public MigrationResult upgrade() {
    return upgrade(upgradeTarget, false);
  }

  /** Undoes the applied migrations above the target, newest first. */
  public MigrationResult downgrade(String target) {
    return withScripts(2, (dir, connections) -> migrate(() -> runner(dir, connections).downgrade(target), dir));
  }

  /** Sets the version table to the target without running migrations; {@code purge} empties it first. */
  public MigrationResult stamp(String target, boolean purge) {
    return withScripts(2, (dir, connections) -> migrate(() -> runner(dir, connections).stamp(target, purge), dir));
  }

  /**
   * What is wrong between the files and the database: applied migrations edited since they ran, a
   * non-transactional migration stopped part way. Empty when all is well.
   */
  public List<String> validate() {
    return validation().problems();
  }

  /**
   * Checks the files against the database as {@link #validate} does, and fails with a validation
   * error (exit code 4 on the command line) that names every problem and what to do about it.
   */
  public void verify() {
    Runner.Validation v = validation();
    if (!v.problems().isEmpty()) {
      throw new RetortException(RetortException.Kind.VALIDATION, null, String.join("; ", v.problems()), v.hint());
    }
  }

  private Runner.Validation validation() {
    try {
      return withScripts(1, (dir, connections) -> runner(dir, connections).validate());
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** Accepts an intended edit of an applied migration by logging the file's current checksum. */
  public void updateChecksum(String revision) {
    withScripts(2, (dir, connections) -> migrate(() -> {
      runner(dir, connections).updateChecksum(revision);
      return null;
    }, dir));
  }

  /** The migrations an {@code upgrade heads} would run; empty when the database is at its heads. */
  public List<StepSummary> pending() {
    return pending("heads");
  }

  /** The migrations an upgrade to the target would run now, without running them. */
  public List<StepSummary> pending(String target) {
    List<String> rows = withScripts(1, (loaded, connections) -> rows(connections));
    try {
      ScriptDirectory dir = scripts().forRows(rows);  // loaded above, while connecting
      return Summaries.result(new Planner(dir.graph()).upgrade(rows, target), dir).steps();
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /** The ids of every revision applied to the database: the version rows and all their ancestors. */
  public Set<String> applied() {
    List<String> rows = withScripts(1, (loaded, connections) -> rows(connections));
    try {
      ScriptDirectory dir = scripts().forRows(rows);  // loaded above, while connecting
      Set<String> out = new HashSet<>();
      for (Revision r : dir.graph().applied(rows)) {
        out.add(r.id());
      }
      return out;
    } catch (GraphException e) {
      throw Errors.of(e);
    }
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
      List<String> rows = start.equals("base") ? List.of() : startRows(dir, start);
      dir = dir.forRows(rows);
      Planner planner = new Planner(dir.graph());
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

  /**
   * The rows an offline run starts from: the revisions {@code start} names, or a revision that a
   * squash replaces, named by its full id (a database inside the squashed range).
   */
  private static List<String> startRows(ScriptDirectory dir, String start) {
    try {
      return Listings.ids(new Planner(dir.graph()).resolve(List.of(), start));
    } catch (GraphException.UnknownRevision e) {
      if (dir.script(start) != null) {
        return List.of(start);
      }
      throw e;
    }
  }

  /** One revision in full: a full id, a prefix, a label, or head / label@head. */
  public RevisionInfo show(String name) {
    return new Listings(scripts()).show(name);
  }

  /** The branch points: revisions that several revisions follow. */
  public List<RevisionInfo> branches() {
    return new Listings(scripts()).branches();
  }

  /** The revisions that follow this one. */
  public List<RevisionInfo> children(String id) {
    return new Listings(scripts()).children(id);
  }

  /**
   * The revisions the database is at: one per version row (a row that names a revision no file
   * declares has no file and says so). A non-transactional migration that stopped part way, or runs
   * now, is reported to the listener as a warning.
   */
  public List<RevisionInfo> current() {
    Runner.Status status = withScripts(1, (dir, connections) -> runner(dir, connections).status());
    status.stopped().ifPresent(new ListenerProgress(listener)::warning);
    ScriptDirectory dir;
    try {
      dir = scripts().forRows(status.rows());
    } catch (GraphException e) {
      dir = scripts();                              // a row inside a pruned squash: shown as unknown
    }
    return new Listings(dir).current(status.rows());
  }

  /** Every revision between the range's ends ({@code lower:upper}, either may be empty), newest first. */
  public List<RevisionInfo> history(String range, boolean markCurrent) {
    boolean needsRows = markCurrent || (range != null && range.contains("current"));
    List<String> rows = needsRows ? rows() : List.of();
    try {
      return new Listings(scripts().forRows(rows)).history(range, rows);
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /**
   * Each migration file's checksum ({@code v1:} and the SHA-256 of its normalised text, as
   * retort_log records it), by the file's name as messages give it ({@code versions/...sql}),
   * sorted by name. Reads no database.
   */
  public java.util.SortedMap<String, String> checksums() {
    java.util.SortedMap<String, String> sums = new java.util.TreeMap<>();
    for (Script s : scripts().scripts()) {
      sums.put(s.name(), s.checksum());
    }
    return sums;
  }

  /** The last {@code limit} rows of the log table, newest first; empty before the first run. */
  public List<LogRecord> log(int limit) {
    try (Connection c = source.open()) {
      List<retort.db.LogEntry> entries = store().entries(c);
      List<LogRecord> out = new ArrayList<>();
      for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
        retort.db.LogEntry e = entries.get(i);
        out.add(new LogRecord(e.revision(), e.direction(), e.started(), e.finished(), e.durationMillis(),
            e.databaseUser(), e.environment(), e.outcome(), e.error(), e.note()));
      }
      return out;
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  // ---- for the command line: what it shows beside a listing, and before a change

  /** The migrations a downgrade to the target would undo now, newest first, without undoing them. */
  public List<StepSummary> pendingDowngrade(String target) {
    List<String> rows = withScripts(1, (loaded, connections) -> rows(connections));
    ScriptDirectory dir = scripts();                // loaded above, while connecting
    try {
      return Summaries.result(new Planner(dir.graph()).downgrade(rows, target), dir).steps();
    } catch (GraphException e) {
      throw Errors.of(e);
    }
  }

  /**
   * The run that holds the run lock on this database now, if any: its session (who, since when)
   * and the step it runs. Reads the lock without waiting for it.
   */
  public java.util.Optional<LockHolder> runInProgress() {
    try (Connection c = source.open()) {
      return holder(c);
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  /**
   * {@link #current()} and {@link #runInProgress()} together, read on two connections opened side by
   * side while the files load, so that the second costs no round trip of its own.
   */
  public CurrentState currentState() {
    return withScripts(2, (dir, connections) -> {
      Runner.Status status = runner(dir, connections).status();
      java.util.Optional<LockHolder> run;
      try (Connection c = connections.open()) {
        run = holder(c);
      }
      status.stopped().ifPresent(new ListenerProgress(listener)::warning);
      return new CurrentState(new Listings(dir).current(status.rows()), run);
    });
  }

  private java.util.Optional<LockHolder> holder(Connection c) throws SQLException {
    return retort.db.RunLock.holder(c, retort.db.RunLock.key(store().versionTable()))
        .map(h -> new LockHolder(h.pid(), h.applicationName(), h.user(), h.since(), h.doing()));
  }

  /** The heads of the graph: revisions no other revision follows. */
  public List<RevisionInfo> heads() {
    return new Listings(scripts()).heads();
  }

  /**
   * Writes a new migration file parented on {@code head} (the single head when null; {@code base}
   * starts a new base), and returns its path.
   */
  public Path revision(String message, String head, String revId, List<String> branchLabels, List<String> dependsOn) {
    return new Authoring(writable()).revision(message, head, revId, branchLabels, dependsOn);
  }

  /** Writes a merge revision whose parents are the revisions the targets name (e.g. {@code heads}). */
  public Path merge(String message, List<String> revisions, String revId) {
    return new Authoring(writable()).merge(message, revisions, revId);
  }

  /** The migration files, when they are in a directory that new revisions can be written to. */
  private ScriptDirectory writable() {
    if (classpath != null) {
      throw new RetortException(RetortException.Kind.USAGE, location(), "a class path location cannot be written to",
          "write new revisions into the source directory, e.g. src/main/resources/db/retort");
    }
    return scripts();
  }

  // ---- autogenerate and diff: the declared schema and head compared on a scratch server

  /**
   * Writes the revision (or the short chain of revisions, split at transaction boundaries) that takes
   * the single head to the schema declared by the SQL files under {@code schemaLocation}, each with
   * its downgrade, once the plan is proven on a copy of head on the scratch server. Writes nothing
   * when there is nothing to change. {@code renames} ({@code old=new}) turn drops and creates into
   * renames; {@code lockSafety} false writes one plain transactional revision.
   */
  public AutogenerateResult autogenerate(ScratchServer scratch, Path schemaLocation, String message,
      List<String> renames, boolean lockSafety) {
    return new Autogenerator(scripts(), config, scratch).autogenerate(schemaLocation, message, renames, lockSafety);
  }

  /** What takes one schema to another (head, the declared schema, a revision, a live database); writes nothing. */
  public SchemaDiff diff(ScratchServer scratch, SchemaSource from, SchemaSource to) {
    return new Autogenerator(scripts(), config, scratch).diff(from, to);
  }

  /**
   * Whether the database is what its migrations say it is: the revisions its version rows record,
   * replayed on the scratch server, compared with its catalog, read read-only in one snapshot without
   * waiting for a lock. Writes nothing, anywhere but on the scratch server.
   */
  public DriftReport drift(ScratchServer scratch) {
    return new Drifter(scripts(), config, scratch, store()).drift(source, target);
  }

  /** Creates a new migration environment in {@code dir}: retort.toml, migrations/versions, the template. */
  public static Path init(Path dir) {
    return Authoring.init(dir);
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
  ScriptDirectory scripts() {
    if (scripts == null) {
      try {
        scripts = classpath != null ? classpath.load() : ScriptDirectory.load(config.scriptLocation(),
            config.cacheFile(), new ListenerProgress(listener)::warning);
      } catch (ScriptException e) {
        throw Errors.of(e);
      } catch (GraphException e) {
        throw Errors.of(e);
      } catch (IOException e) {
        throw new RetortException(RetortException.Kind.USAGE, location(),
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
        singleTransaction, note);
  }

  /** Work that needs both the files and the database. */
  @FunctionalInterface
  private interface FilesAndDatabase<T> {
    T apply(ScriptDirectory dir, ConnectionSource connections) throws SQLException;
  }

  /**
   * Loads the files while the first {@code connections} connections are being opened (on a thread
   * of their own, see EarlyConnections), then does the work with both. Over a data source the run
   * has one connection, shared by the lock and the work.
   */
  private <T> T withScripts(int connections, FilesAndDatabase<T> work) {
    ConnectionSource run = oneConnection ? SharedConnection.over(source) : source;
    try (EarlyConnections early = EarlyConnections.start(run, oneConnection ? 1 : connections)) {
      return work.apply(scripts(), early);
    } catch (SQLException e) {
      throw Errors.of(e, target);
    }
  }

  private Runner runner(ScriptDirectory dir, ConnectionSource connections) {
    return new Runner(dir, connections, store(), settings(), new ListenerProgress(listener));
  }

  /** The version rows, read without the lock. */
  List<String> rows() {
    return rows(source);
  }

  private List<String> rows(ConnectionSource connections) {
    try (Connection c = connections.open()) {
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
      throw stopped(Errors.of(e));
    } catch (LockTimeout e) {
      throw stopped(Errors.of(e));
    } catch (Refusal e) {
      throw stopped(Errors.of(e));
    } catch (SQLException e) {
      throw stopped(Errors.of(e, target));
    }
    return report == null ? null : Summaries.result(report.plan(), dir);
  }

  /** Logs a run that stopped, as a warning, before it reaches the caller. */
  private static RetortException stopped(RetortException e) {
    LoggerFactory.getLogger("retort").warn("Run stopped: {}", e.getMessage());
    return e;
  }
}
