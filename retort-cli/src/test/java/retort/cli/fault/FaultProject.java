package retort.cli.fault;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import retort.db.RunLock;
import retort.db.TableName;
import retort.testing.TestPostgres;

/**
 * A migration environment in a temporary directory over a fresh database of the embedded test
 * server, whose migrator runs as a separate JVM ({@code java retort.cli.Main}), so that it can be
 * killed, terminated and raced like a real deploy. The server lives in the test JVM, which outlives
 * every child.
 */
final class FaultProject {

  /** Children that are still running when a test ends are killed, whatever the test's outcome. */
  private final List<Process> children = new ArrayList<>();
  private static final AtomicInteger RUNS = new AtomicInteger();

  final Path dir;
  final Path toml;
  final String url;
  final String database;

  private FaultProject(Path dir, String url) {
    this.dir = dir;
    this.toml = dir.resolve("retort.toml");
    this.url = url;
    String path = url.substring(0, url.indexOf('?'));
    this.database = path.substring(path.lastIndexOf('/') + 1);
  }

  /** A project over a fresh database; {@code envSettings} are TOML lines added to [env.dev]. */
  static FaultProject create(Path dir, String envSettings) {
    return create(dir, TestPostgres.newDatabase(), envSettings);
  }

  /** A project over the database at this JDBC URL (with {@code ?user=...}). */
  static FaultProject create(Path dir, String url, String envSettings) {
    FaultProject p = new FaultProject(dir, url);
    p.settings(envSettings);
    try {
      Files.createDirectories(p.versions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** Rewrites retort.toml with these [env.dev] settings. */
  void settings(String envSettings) {
    settings(url, envSettings);
  }

  /** Rewrites retort.toml with the migrator's URL (another way to the same database) and these settings. */
  void settings(String migratorUrl, String envSettings) {
    write(toml, "script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + migratorUrl + "\"\n" + envSettings + "\n");
  }

  Path versions() {
    return dir.resolve("migrations").resolve("versions");
  }

  /** Writes {@code versions/<id>_<slug>.sql}, replacing any file of that name. */
  Path migration(String id, String down, String slug, String upgrade, String downgrade) {
    Path file = versions().resolve(id + "_" + slug + ".sql");
    write(file, "-- revision: " + id + "\n"
        + "-- down_revision: " + (down == null ? "none" : down) + "\n"
        + "-- message: " + slug.replace('_', ' ') + "\n"
        + "\n-- +upgrade\n" + upgrade + "\n"
        + "\n-- +downgrade\n" + downgrade + "\n");
    return file;
  }

  /** Writes a {@code transactional: false} migration, {@code versions/<id>_<slug>.sql}. */
  Path nonTransactional(String id, String down, String slug, String upgrade, String downgrade) {
    Path file = versions().resolve(id + "_" + slug + ".sql");
    write(file, "-- revision: " + id + "\n"
        + "-- down_revision: " + (down == null ? "none" : down) + "\n"
        + "-- message: " + slug.replace('_', ' ') + "\n"
        + "-- transactional: false\n"
        + "\n-- +upgrade\n" + upgrade + "\n"
        + "\n-- +downgrade\n" + downgrade + "\n");
    return file;
  }

  /** The 1-based line of {@code text} in the migration file {@code versions/<id>_<slug>.sql}. */
  int lineOf(String id, String slug, String text) {
    List<String> lines = read(versions().resolve(id + "_" + slug + ".sql")).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(text.strip())) {
        return i + 1;
      }
    }
    throw new AssertionError("no line '" + text + "' in " + id + "_" + slug + ".sql");
  }

  static String fileName(String id, String slug) {
    return "versions/" + id + "_" + slug + ".sql";
  }

  // ---- the migrator as an OS process

  /** Starts {@code retort -c retort.toml ARGS...} as a separate JVM. */
  Child start(String... args) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java,
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-Xmx128m",
        "-cp", System.getProperty("java.class.path"),
        "retort.cli.Main", "-c", toml.toString()));
    command.addAll(List.of(args));
    int n = RUNS.incrementAndGet();
    File out = dir.resolve("run" + n + ".out").toFile();
    File err = dir.resolve("run" + n + ".err").toFile();
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(out).redirectError(err).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().remove("RETORT_ENV");
    pb.environment().remove("PGPASSWORD");
    try {
      Process p = pb.start();
      synchronized (children) {
        children.add(p);
      }
      return new Child(p, out.toPath(), err.toPath(), String.join(" ", args));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the migrator to its end (at most {@code timeout}). */
  Result run(Duration timeout, String... args) {
    return start(args).await(timeout);
  }

  /** Kills every child still running. */
  void killChildren() {
    synchronized (children) {
      for (Process p : children) {
        if (p.isAlive()) {
          p.destroyForcibly();
        }
      }
    }
  }

  /** A running migrator. */
  record Child(Process process, Path out, Path err, String args) {

    long pid() {
      return process.pid();
    }

    Result await(Duration timeout) {
      try {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          process.waitFor(10, TimeUnit.SECONDS);
          throw new AssertionError("retort " + args + " did not end within " + timeout + "\n" + result(-1));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      return result(process.exitValue());
    }

    Result result(int code) {
      return new Result(code, read(out), read(err));
    }
  }

  /** What the migrator printed, and how it ended. */
  record Result(int exitCode, String out, String err) {

    /** Standard error without the progress lines a run prints before an error. */
    List<String> errorLines() {
      return err.lines().filter(l -> !l.startsWith("Running ") && !l.startsWith("Waiting for the run lock")
          && !l.startsWith("  ")).toList();
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
    }
  }

  // ---- the database, as a DBA would look at it

  Connection connect() throws SQLException {
    return TestPostgres.connect(url);
  }

  /** The first column of every row, as text. */
  List<String> query(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        Object v = rs.getObject(1);
        out.add(v instanceof Boolean b ? (b ? "t" : "f") : String.valueOf(v));
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  void execute(String sql) {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  boolean tableExists(String name) {
    return query("SELECT to_regclass('" + name + "') IS NOT NULL").get(0).equals("t");
  }

  List<String> versionRows() {
    return tableExists("public.retort_version")
        ? query("SELECT version_num FROM public.retort_version ORDER BY version_num") : List.of();
  }

  /** The log as "revision direction outcome", in order. */
  List<String> logRows() {
    return tableExists("public.retort_log")
        ? query("SELECT revision || ' ' || direction || ' ' || outcome FROM public.retort_log ORDER BY id") : List.of();
  }

  /** The run lock's key for the default version table. */
  static long lockKey() {
    return RunLock.key(new TableName("public", "retort_version"));
  }

  /** Advisory locks on the run lock's key in this database, granted or waiting. */
  int runLocks() {
    long key = lockKey();
    return Integer.parseInt(query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
        + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
        + " AND classid = " + (key >>> 32) + " AND objid = " + (key & 0xffffffffL) + " AND objsubid = 1").get(0));
  }

  /**
   * Backends of Retort connected to this database: application_name 'retort', or, while a session
   * runs a step, 'retort upgrade REV lock PID'.
   */
  int retortBackends() {
    return Integer.parseInt(query("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        + " AND " + RETORT).get(0));
  }

  /** The SQL condition on pg_stat_activity that a backend is Retort's. */
  static final String RETORT = "(application_name = 'retort' OR application_name LIKE 'retort %')";

  /** The pid of Retort's backend that runs {@code pg_sleep}, once it does (null after the wait or the child's end). */
  Integer sleepingBackend(Child child, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline && child.process().isAlive()) {
      List<String> pids = query("SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
          + " AND " + RETORT + " AND state = 'active' AND query ILIKE '%pg_sleep%'");
      if (!pids.isEmpty()) {
        return Integer.valueOf(pids.get(0));
      }
      pause(50);
    }
    return null;
  }

  /** Polls until the condition holds or the wait is over; returns whether it held. */
  static boolean eventually(Duration wait, BooleanSupplier condition) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      pause(50);
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
