package retort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/** What an application sees of Retort: options, listener events, the error, the log lines. */
class LibraryApiTest {

  static final String A = "aaaa00000001";
  static final String B = "bbbb00000002";

  @TempDir Path dir;
  Migrations m;
  PGSimpleDataSource ds;

  @BeforeEach
  void setUp() {
    m = new Migrations(dir);
    ds = new PGSimpleDataSource();
    ds.setURL(m.url);
    m.write(A, null, "CREATE TABLE t1 (id int PRIMARY KEY);", "DROP TABLE t1;");
  }

  @Test
  void optionsPickTheVersionTableTheEnvironmentNameAndTheTarget() throws Exception {
    m.write(B, A, "CREATE TABLE t2 (id int);", "DROP TABLE t2;");

    MigrationResult r = Retort.configure(ds, "filesystem:" + dir).withVersionTable("bot_version")
        .withVersionTableSchema("ops").withEnvironmentName("staging").withLockTimeout(Duration.ofSeconds(2))
        .withTarget(A).upgrade();

    assertThat(r.steps()).extracting(StepSummary::revision).containsExactly(A);
    assertThat(m.column("SELECT version_num FROM ops.bot_version")).containsExactly(A);
    assertThat(m.column("SELECT environment FROM ops.retort_log")).containsExactly("staging");
    assertThat(m.tableExists("public.t2")).isFalse();
  }

  @Test
  void theListenerHearsEachStepAsPublicRecords() {
    m.write(B, A, "CREATE TABLE t2 (id int);", "DROP TABLE t2;");
    List<String> heard = new ArrayList<>();
    RetortListener listener = new RetortListener() {
      @Override
      public void stepStarted(StepSummary step) {
        heard.add("start " + step.revision() + " " + step.from() + "->" + step.to());
      }

      @Override
      public void stepFinished(StepSummary step, Duration took) {
        heard.add("done " + step.revision() + " " + step.direction());
      }
    };

    Retort.configure(ds, dir).withListener(listener).upgrade("head");

    assertThat(heard).containsExactly("start " + A + " []->[" + A + "]", "done " + A + " upgrade",
        "start " + B + " [" + A + "]->[" + B + "]", "done " + B + " upgrade");
  }

  @Test
  void aFailedStatementIsOneExceptionWithFileLineHintSqlStateAndTheDriversCause() throws Exception {
    m.write(B, A, "CREATE TABLE t2 (id int);\nINSERT INTO t2 VALUES ('not a number');", "DROP TABLE t2;");

    RetortException e = assertThrows(RetortException.class, () -> Retort.configure(ds, dir).upgrade());

    String file = "versions/" + B + "_m.sql";
    assertThat(e.getMessage()).startsWith(file + ":7: ERROR 22P02: invalid input syntax for type integer");
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(7);
    assertThat(e.location()).isEqualTo(file + ":7");
    assertThat(e.sqlState()).isEqualTo("22P02");
    assertThat(e.hint()).contains("nothing of " + B + " was applied");
    assertThat(e.getCause()).isInstanceOf(SQLException.class);
    assertThat(((SQLException) e.getCause()).getSQLState()).isEqualTo("22P02");
    assertThat(m.versions()).containsExactly(A);
    assertThat(m.tableExists("public.t2")).isFalse();
  }

  @Test
  void aBadFileIsAUsageErrorNamingFileAndLineWithoutSqlState() throws Exception {
    Files.writeString(dir.resolve("versions").resolve(B + "_m.sql"), "-- revision: " + B + "\n-- down_revision: nope\n");

    RetortException e = assertThrows(RetortException.class, () -> Retort.configure(ds, dir).upgrade());

    assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
    assertThat(e.getMessage()).startsWith(e.location() + ": ");
    assertThat(e.file()).isEqualTo("versions/" + B + "_m.sql");
    assertThat(e.sqlState()).isNull();
    assertThat(m.tableExists("public.retort_version")).isFalse();
  }

  @Test
  void stepsAreLoggedThroughSlf4jOneLinePerStep() throws Exception {
    // the test JVM binds slf4j-simple and writes its lines to this file (see the surefire settings)
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    String b = unique();
    m.write(b, A, "CREATE TABLE t2 (id int);", "DROP TABLE t2;");

    Retort.configure(ds, dir).upgrade();
    Retort.configure(ds, dir).downgrade(A);

    String text = Files.readString(log);
    assertThat(text).containsPattern("Upgraded " + b + " \\(migration " + b + "\\) in \\d+ ms")
        .containsPattern("Downgraded " + b + " \\(migration " + b + "\\) in \\d+ ms");
  }

  @Test
  void aStoppedRunIsLoggedAsAWarning() throws Exception {
    Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile"));
    String b = unique();
    m.write(b, A, "SELECT 1/0;", "SELECT 1;");

    assertThrows(RetortException.class, () -> Retort.configure(ds, dir).upgrade());

    assertThat(Files.readString(log)).containsPattern("WARN retort - Run stopped: versions/" + b
        + "_m.sql:\\d+: ERROR 22012: division by zero");
  }

  /** A revision id no other test uses, so that a log line found is this test's own. */
  private static String unique() {
    return String.format("%012x", System.nanoTime() & 0xffffffffffffL);
  }

  @Test
  void noPublicTypePrintsASecret() {
    String pw = "Pw_that_must_not_show_1";
    String url = "postgresql://bot:" + pw + "@db.internal:5432/easysochi?sslmode=verify-full&sslpassword=" + pw
        + "&SSLPassWord2=" + pw;
    DatabaseUrl parsed = DatabaseUrl.parse(url);
    Environment env = Environment.of("prod", url);
    Config config = new Config(dir, null, null, env);
    Retort retort = Retort.connect(config);
    RetortException parseError = assertThrows(RetortException.class,
        () -> DatabaseUrl.parse("mysql://bot:" + pw + "@h/db?sslpassword=" + pw, "env.prod.url"));

    for (Object o : List.of(parsed, env, config, retort, parseError)) {
      assertThat(o.toString()).as(o.getClass().getSimpleName()).doesNotContain(pw);
    }
    assertThat(parseError.getMessage()).doesNotContain(pw).startsWith("env.prod.url: ");
    assertThat(parsed.toString()).isEqualTo(
        "postgresql://bot:***@db.internal:5432/easysochi?sslmode=verify-full&sslpassword=***&SSLPassWord2=***");
    assertThat(parsed.jdbcUrl()).doesNotContain(pw).doesNotContainIgnoringCase("password");
  }

  @Test
  void aWrongSslPasswordNeverShowsInTheConnectionError() {
    String pw = "Another_secret_9";
    String url = m.url + "&sslmode=require&sslpassword=" + pw;
    RetortException e = assertThrows(RetortException.class,
        () -> Retort.connect(new Config(dir, null, null, Environment.of("test", url))).upgrade());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(t.toString()).doesNotContain(pw);
    }
  }

  @Test
  void embeddedIsAKeywordThatOnlyTheCommandLineStarts() {
    DatabaseUrl embedded = DatabaseUrl.parse("embedded");
    assertThat(embedded.isEmbedded()).isTrue();
    assertThat(embedded.toString()).isEqualTo("embedded");
    RetortException e = assertThrows(RetortException.class,
        () -> Retort.connect(new Config(dir, null, null, Environment.of("dev", embedded))));
    assertThat(e.kind()).isEqualTo(RetortException.Kind.USAGE);
    assertThat(e.location()).isEqualTo("env.dev.url");
  }
}
