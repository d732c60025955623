package retort.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import retort.testing.TestPostgres;

/** A migration environment in a temporary directory, over a fresh database, driven through the CLI. */
final class Project {

  final Path dir;
  final Path toml;
  final String url;

  private Project(Path dir, String url) {
    this.dir = dir;
    this.toml = dir.resolve("retort.toml");
    this.url = url;
  }

  /** A project with its own fresh database as env.dev. */
  static Project create(Path dir) {
    return create(dir, TestPostgres.newDatabase());
  }

  static Project create(Path dir, String url) {
    Project p = new Project(dir, url);
    p.writeToml("script_location = \"migrations\"\n\n[env.dev]\nurl = \"" + url + "\"\n");
    try {
      Files.createDirectories(p.versions());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  Path versions() {
    return dir.resolve("migrations").resolve("versions");
  }

  void writeToml(String text) {
    write(toml, text);
  }

  /** Writes versions/NAME verbatim and returns its path. */
  Path file(String name, String text) {
    Path p = versions().resolve(name);
    write(p, text);
    return p;
  }

  /** Writes a migration {@code <id>_<slug>.sql} with the standard header. */
  Path migration(String id, String down, String message, String upgrade, String downgrade) {
    return file(id + "_" + message.replaceAll("[^A-Za-z0-9]+", "_") + ".sql",
        "-- revision: " + id + "\n"
            + "-- down_revision: " + (down == null ? "none" : down) + "\n"
            + "-- message: " + message + "\n"
            + "-- +upgrade\n"
            + upgrade + "\n"
            + "-- +downgrade\n"
            + downgrade + "\n");
  }

  /** A migration that creates table {@code table} and drops it on downgrade. */
  Path table(String id, String down, String table) {
    return migration(id, down, "create " + table,
        "CREATE TABLE " + table + " (id bigint PRIMARY KEY);", "DROP TABLE " + table + ";");
  }

  /** Runs the CLI with {@code -c retort.toml} in front of the arguments. */
  CliRun run(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = toml.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  // ---- the database, as a user would look at it

  boolean tableExists(String name) {
    return query("SELECT to_regclass('" + name + "') IS NOT NULL").get(0).equals("t");
  }

  /** The rows of public.retort_version, sorted; empty when the table is absent. */
  List<String> versionRows() {
    if (!tableExists("public.retort_version")) {
      return List.of();
    }
    return query("SELECT version_num FROM public.retort_version ORDER BY version_num");
  }

  boolean versionTableExists() {
    return tableExists("public.retort_version");
  }

  /** The rows of public.retort_log in order, as "revision direction outcome". */
  List<String> logRows() {
    if (!tableExists("public.retort_log")) {
      return List.of();
    }
    return query("SELECT revision || ' ' || direction || ' ' || outcome FROM public.retort_log ORDER BY id");
  }

  /** The first column of every row, as text ("t"/"f" for booleans). */
  List<String> query(String sql) {
    try (Connection c = TestPostgres.connect(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
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
    execute(url, sql);
  }

  static void execute(String url, String sql) {
    try (Connection c = TestPostgres.connect(url); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /** The files in versions/, by name. */
  List<String> versionFiles() {
    try (Stream<Path> s = Files.list(versions())) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A snapshot of everything a graph error must leave untouched. */
  Map<String, Object> state() {
    return Map.of("versionTable", versionTableExists(), "rows", versionRows(), "log", logRows());
  }
}
