package retort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import retort.testing.TestPostgres;

/** Test helper: a migration directory in a temp dir, a fresh database, and catalog queries. */
public final class Migrations {

  public final Path dir;
  public final String url;

  public Migrations(Path dir) {
    this(dir, TestPostgres.newDatabase());
  }

  public Migrations(Path dir, String url) {
    this.dir = dir;
    this.url = url;
    try {
      Files.createDirectories(dir.resolve("versions"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes versions/{rev}_m.sql; returns the file name relative to the script location. */
  public String write(String rev, String down, String upgrade, String downgrade) {
    return write(rev, down, true, upgrade, downgrade);
  }

  public String write(String rev, String down, boolean transactional, String upgrade, String downgrade) {
    String text = "-- revision: " + rev + "\n"
        + "-- down_revision: " + (down == null ? "none" : down) + "\n"
        + "-- message: migration " + rev + "\n"
        + (transactional ? "" : "-- transactional: false\n")
        + "\n-- +upgrade\n" + upgrade + (upgrade.endsWith("\n") ? "" : "\n")
        + (downgrade == null ? "" : "\n-- +downgrade\n" + downgrade + (downgrade.endsWith("\n") ? "" : "\n"));
    return writeRaw(rev + "_m.sql", text);
  }

  public String writeRaw(String fileName, String text) {
    try {
      Files.writeString(dir.resolve("versions").resolve(fileName), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return "versions/" + fileName;
  }

  /** The 1-based line of the first line of the file equal to {@code text} (stripped). */
  public int lineOf(String file, String text) {
    try {
      List<String> lines = Files.readAllLines(dir.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).strip().equals(text.strip())) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new AssertionError("no line '" + text + "' in " + file);
  }

  public Retort retort() {
    return retort(Environment.of("test", url), null, null);
  }

  public Retort retort(Environment env, String versionTable, String schema) {
    return Retort.create(new Config(dir, versionTable, schema, env),
        () -> DatabaseUrl.parse(url).connect("retort"), "test db", RetortListener.NONE);
  }

  public Connection connect() throws SQLException {
    return TestPostgres.connect(url);
  }

  /** Rows of a query, each a column-name→value map. */
  public List<Map<String, Object>> query(String sql) throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> out = new ArrayList<>();
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  /** The first column of each row, as strings. */
  public List<String> column(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> row : query(sql)) {
      Object v = row.values().iterator().next();
      out.add(v == null ? null : v.toString());
    }
    return out;
  }

  public List<String> versions() throws SQLException {
    return column("SELECT version_num FROM public.retort_version ORDER BY version_num");
  }

  public List<Map<String, Object>> log() throws SQLException {
    return query("SELECT * FROM public.retort_log ORDER BY id");
  }

  public boolean tableExists(String qualified) throws SQLException {
    return !column("SELECT to_regclass('" + qualified + "')::text").contains(null);
  }

  public boolean columnExists(String table, String column) throws SQLException {
    return !column("SELECT 1 FROM information_schema.columns WHERE table_name = '" + table
        + "' AND column_name = '" + column + "'").isEmpty();
  }
}
