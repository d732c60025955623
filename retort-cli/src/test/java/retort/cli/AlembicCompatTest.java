package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import retort.testing.TestPostgres;

/**
 * With {@code version_table = "alembic_version"} Retort reads and writes a database that Alembic
 * manages: the table as Alembic creates it, the same revision ids, one row per head. The first tests
 * need no Python: they build Alembic's state by hand, exactly as Alembic's own DDL does. The last one
 * runs the real Alembic against the same database where it is installed, and is skipped elsewhere.
 */
class AlembicCompatTest {

  static final String USERS = "1975ea83b712";
  static final String APARTMENTS = "ae1027a6acf5";
  static final String BOOKINGS = "27c6a30d7c24";

  /** What Alembic 1.x runs to create its version table on PostgreSQL. */
  static final String ALEMBIC_DDL = "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
      + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))";

  @TempDir Path tmp;
  Project p;

  @BeforeEach
  void setUp() {
    p = Project.create(tmp);
    p.writeToml("script_location = \"migrations\"\nversion_table = \"alembic_version\"\n\n[env.dev]\nurl = \"" + p.url + "\"\n");
    p.table(USERS, null, "users");
    p.table(APARTMENTS, USERS, "apartments");
    p.table(BOOKINGS, APARTMENTS, "bookings");
  }

  /** The database as Alembic left it at the first revision. */
  private void alembicAtUsers() {
    p.execute("CREATE TABLE users (id bigint PRIMARY KEY)");
    p.execute(ALEMBIC_DDL);
    p.execute("INSERT INTO alembic_version (version_num) VALUES ('" + USERS + "')");
  }

  private List<String> alembicRows() {
    return p.query("SELECT version_num FROM public.alembic_version ORDER BY version_num");
  }

  /** The version table's shape: columns with types and nullability, and constraints with their definitions. */
  static List<String> shape(Project p, String table) {
    List<String> columns = p.query("SELECT column_name || ' ' || data_type || '(' || coalesce(character_maximum_length::text, '')"
        + " || ') nullable=' || is_nullable || ' default=' || coalesce(column_default, '-')"
        + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name = '" + table + "' ORDER BY ordinal_position");
    List<String> constraints = p.query("SELECT conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
        + " WHERE conrelid = 'public." + table + "'::regclass ORDER BY conname");
    List<String> indexes = p.query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = '" + table
        + "' ORDER BY indexname");
    return java.util.stream.Stream.of(columns, constraints, indexes).flatMap(List::stream).toList();
  }

  @Test
  void retortReadsAnAlembicDatabaseAndContinuesFromIt() {
    alembicAtUsers();
    List<String> alembicShape = shape(p, "alembic_version");

    CliRun current = p.run("current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out().strip()).isEqualTo(USERS);

    CliRun check = p.run("check");
    assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);

    CliRun up = p.run("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(up.out()).contains("Upgraded 2 revisions");
    assertThat(up.err()).contains("Running upgrade " + USERS + " -> " + APARTMENTS)
        .doesNotContain("Running upgrade  -> " + USERS);

    assertThat(alembicRows()).containsExactly(BOOKINGS);
    assertThat(p.tableExists("public.bookings")).isTrue();
    assertThat(shape(p, "alembic_version")).isEqualTo(alembicShape).containsExactly(
        "version_num character varying(32) nullable=NO default=-",
        "alembic_version_pkc PRIMARY KEY (version_num)",
        "alembic_version_pkc");
    // Retort's log sits beside it; no retort_version appears
    assertThat(p.tableExists("public.retort_log")).isTrue();
    assertThat(p.tableExists("public.retort_version")).isFalse();
    assertThat(p.query("SELECT revision FROM public.retort_log ORDER BY id")).containsExactly(APARTMENTS, BOOKINGS);
  }

  @Test
  void downgradeAndStampWriteAlembicsTableToo() {
    alembicAtUsers();
    assertThat(p.run("upgrade", "head").exitCode()).isZero();

    CliRun down = p.run("downgrade", "-1");
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(alembicRows()).containsExactly(APARTMENTS);

    CliRun stamp = p.run("stamp", "--purge", USERS);
    assertThat(stamp.exitCode()).as(stamp.toString()).isZero();
    assertThat(alembicRows()).containsExactly(USERS);

    CliRun history = p.run("history");
    assertThat(history.out()).contains("<base> -> " + USERS + " (current), create users");
  }

  @Test
  void aTableRetortCreatesHasAlembicsShape() {
    CliRun up = p.run("upgrade", APARTMENTS);
    assertThat(up.exitCode()).as(up.toString()).isZero();
    List<String> retortMade = shape(p, "alembic_version");

    Project other = Project.create(tmp.resolve("other"));
    other.execute(ALEMBIC_DDL);

    assertThat(retortMade).isEqualTo(shape(other, "alembic_version"));
    assertThat(alembicRows()).containsExactly(APARTMENTS);
  }

  @Test
  void theOfflineScriptWritesAlembicsTable() {
    CliRun r = p.run("upgrade", "--sql", USERS + ":head");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("CREATE TABLE IF NOT EXISTS \"public\".\"alembic_version\"")
        .contains("UPDATE \"public\".\"alembic_version\" SET version_num = '" + APARTMENTS + "' WHERE version_num = '"
            + USERS + "'");
  }

  // ---- the real Alembic, where it is installed

  static final Path PYTHON = Path.of("/usr/bin/python3");

  static boolean alembicInstalled() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import alembic, sqlalchemy, psycopg2")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** An Alembic environment over the same database, with .py revisions of the same ids and SQL. */
  private Path alembicEnv() throws IOException {
    Path env = tmp.resolve("alembic-env");
    Path versions = env.resolve("alembic").resolve("versions");
    Files.createDirectories(versions);
    String db = p.url.substring(p.url.lastIndexOf('/') + 1, p.url.indexOf('?'));
    Files.writeString(env.resolve("alembic.ini"), "[alembic]\n"
        + "script_location = " + env.resolve("alembic") + "\n"
        + "sqlalchemy.url = postgresql+psycopg2://postgres@localhost:" + TestPostgres.port() + "/" + db + "\n");
    Files.writeString(env.resolve("alembic").resolve("env.py"), """
        from alembic import context
        from sqlalchemy import engine_from_config, pool

        config = context.config
        engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                                    poolclass=pool.NullPool)
        with engine.connect() as connection:
            context.configure(connection=connection, target_metadata=None)
            with context.begin_transaction():
                context.run_migrations()
        """);
    Files.writeString(env.resolve("alembic").resolve("script.py.mako"), "");
    String[][] revisions = {{USERS, "None", "users"}, {APARTMENTS, "'" + USERS + "'", "apartments"},
        {BOOKINGS, "'" + APARTMENTS + "'", "bookings"}};
    for (String[] r : revisions) {
      Files.writeString(versions.resolve(r[0] + "_create_" + r[2] + ".py"), "\"\"\"create " + r[2] + "\"\"\"\n"
          + "from alembic import op\n\n"
          + "revision = '" + r[0] + "'\n"
          + "down_revision = " + r[1] + "\n"
          + "branch_labels = None\n"
          + "depends_on = None\n\n\n"
          + "def upgrade():\n"
          + "    op.execute(\"CREATE TABLE " + r[2] + " (id bigint PRIMARY KEY)\")\n\n\n"
          + "def downgrade():\n"
          + "    op.execute(\"DROP TABLE " + r[2] + "\")\n");
    }
    return env;
  }

  private String alembic(Path env, String... args) throws IOException, InterruptedException {
    String out = alembicOrError(env, args);
    assertThat(out).as("alembic " + String.join(" ", args)).doesNotStartWith("FAILED");
    return out;
  }

  @Test
  void theRealAlembicAndRetortHandTheDatabaseToEachOther() throws Exception {
    assumeTrue(alembicInstalled(), "python3 with alembic, sqlalchemy and psycopg2 is not installed");
    Path env = alembicEnv();

    // Alembic starts the database, Retort continues one step
    alembic(env, "upgrade", USERS);
    assertThat(alembicRows()).containsExactly(USERS);
    CliRun current = p.run("current");
    assertThat(current.out().strip()).as(current.toString()).isEqualTo(USERS);
    CliRun up = p.run("upgrade", APARTMENTS);
    assertThat(up.exitCode()).as(up.toString()).isZero();

    // Alembic sees where Retort left it, and finishes
    assertThat(alembic(env, "current")).contains(APARTMENTS);
    alembic(env, "upgrade", "head");
    assertThat(alembicRows()).containsExactly(BOOKINGS);
    assertThat(p.tableExists("public.bookings")).isTrue();

    // and Retort agrees it is at head
    CliRun check = p.run("check");
    assertThat(check.exitCode()).as(check.toString()).isZero();
    assertThat(p.run("current").out().strip()).isEqualTo(BOOKINGS + " (head)");

    // Retort downgrades, Alembic reads the result
    assertThat(p.run("downgrade", "-1").exitCode()).isZero();
    assertThat(alembic(env, "current")).contains(APARTMENTS).doesNotContain(BOOKINGS);
    assertThat(alembic(env, "history")).contains(USERS + " -> " + APARTMENTS);
  }

  @Test
  void relativeHistoryRangesListWhatTheRealAlembicLists() throws Exception {
    assumeTrue(alembicInstalled(), "python3 with alembic, sqlalchemy and psycopg2 is not installed");
    Path env = alembicEnv();

    for (String range : List.of("-1:", "-2:", "-1:head", "-1:heads", "-1:" + APARTMENTS, "base:-1")) {
      String alembic = alembicOrError(env, "history", "-r=" + range);
      CliRun retort = p.run("history", "-r", range, "--offline");

      if (alembic.startsWith("FAILED")) {
        assertThat(retort.exitCode()).as(range + ": Alembic says " + alembic + retort).isEqualTo(2);
      } else {
        assertThat(retort.exitCode()).as(range + retort).isZero();
        assertThat(retort.out().lines().map(String::strip).toList()).as(range)
            .isEqualTo(alembic.lines().map(String::strip).toList());
      }
    }
    // below the base, both refuse
    assertThat(alembicOrError(env, "history", "-r=-3:")).startsWith("FAILED");
    CliRun below = p.run("history", "-r", "-3:", "--offline");
    assertThat(below.exitCode()).isEqualTo(2);
    assertThat(below.err()).contains("-3 goes below the base: " + BOOKINGS + " has 2 revisions below it");
  }

  /** Alembic's output without its log lines, or its FAILED line. */
  private String alembicOrError(Path env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(PYTHON.toString(), "-m", "alembic", "-c",
        env.resolve("alembic.ini").toString()));
    command.addAll(List.of(args));
    Process proc = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out.lines().filter(l -> !l.startsWith("INFO") && !l.startsWith("ERROR"))
        .map(l -> l + "\n").reduce("", String::concat);
  }
}
