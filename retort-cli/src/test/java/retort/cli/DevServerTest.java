package retort.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `retort dev`: the embedded PostgreSQL kept running on a fixed port, used by every command while it runs. Slow. */
class DevServerTest {

  static final String A = "aaaaaaaaaaa1";

  @TempDir Path tmp;
  Path toml;
  int port;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    toml = tmp.resolve("retort.toml");
    Project.write(toml, "script_location = \"migrations\"\ndev_port = " + port + "\n\n[env.dev]\nurl = \"embedded\"\n");
    Project.write(tmp.resolve("migrations/versions/" + A + "_users.sql"),
        "-- revision: " + A + "\n-- down_revision: none\n-- message: users\n"
            + "-- +upgrade\nCREATE TABLE users (id bigint PRIMARY KEY);\n-- +downgrade\nDROP TABLE users;\n");
  }

  @AfterEach
  void stop() {
    CliRun.of("-c", toml.toString(), "dev", "stop");
  }

  private CliRun retort(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-c";
    all[1] = toml.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.of(all);
  }

  private List<String> versionRows() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
        ResultSet rs = c.createStatement().executeQuery("SELECT version_num FROM retort_version")) {
      List<String> rows = new java.util.ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }

  @Test
  void startStatusUseAndStop() throws Exception {
    CliRun before = retort("dev", "status");
    assertThat(before.exitCode()).as(before.toString()).isEqualTo(1);
    assertThat(before.err()).contains("the dev database is not running").contains("retort -c " + toml + " dev start");

    CliRun start = retort("dev", "start");

    assertThat(start.exitCode()).as(start.toString()).isZero();
    assertThat(start.out()).isEqualTo("postgresql://postgres@localhost:" + port + "/postgres\n");
    assertThat(start.err()).contains("Started the dev database on port " + port);
    CliRun status = retort("dev", "status");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).isEqualTo(start.out());
    String pid = status.err().replaceAll("(?s).*\\(pid (\\d+),.*", "$1");
    CliRun again = retort("dev", "start");
    assertThat(again.err()).contains("already running");

    // a command uses the running server and leaves it running
    CliRun up = retort("upgrade", "head");
    assertThat(up.exitCode()).as(up.toString()).isZero();
    assertThat(versionRows()).containsExactly(A);
    assertThat(retort("dev", "status").err()).contains("(pid " + pid + ",");

    // the binaries are shared per user (RETORT_HOME here); the project keeps its data only
    assertThat(tmp.resolve(".retort/pgdata/PG_VERSION")).exists();
    assertThat(tmp.resolve(".retort/bin")).doesNotExist();
    try (var versions = Files.list(CliRun.RETORT_HOME.resolve("postgres"))) {
      assertThat(versions.map(p -> p.getFileName().toString()).toList()).contains("17.6.0-" + EmbeddedBinaries.platform());
    }

    CliRun stop = retort("dev", "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(retort("dev", "status").exitCode()).isEqualTo(1);
    assertThat(PgData.free(port)).isTrue();

    // without it, a command starts and stops a server of its own, on the same data
    CliRun current = retort("current");
    assertThat(current.exitCode()).as(current.toString()).isZero();
    assertThat(current.out()).isEqualTo(A + " (head)\n");
    assertThat(PgData.free(port)).isTrue();
  }

  @Test
  void psqlOpensOnTheDevDatabaseOrSaysWhereItIs() {
    Map<String, String> noPsql = new HashMap<>(CliRun.environment());
    noPsql.put("PATH", tmp.resolve("empty-path").toString());

    CliRun without = CliRun.with(noPsql, "-c", toml.toString(), "dev", "psql");

    assertThat(without.exitCode()).as(without.toString()).isEqualTo(1);
    assertThat(without.out()).isEqualTo("postgresql://postgres@localhost:" + port + "/postgres\n");
    assertThat(without.err()).contains("psql is not installed").contains("apt-get install postgresql-client");

    assumeTrue(DevCommand.onPath("psql", System.getenv()) != null, "psql is not installed on this machine");
    assertThat(retort("upgrade", "head").exitCode()).isZero();
    CliRun psql = retort("dev", "psql", "--", "-A", "-t", "-c", "select version_num from retort_version");
    assertThat(psql.exitCode()).as(psql.toString()).isZero();
    assertThat(psql.out()).isEqualTo(A + "\n");
  }

  @Test
  void aPortInUseIsNamedWithTheSettingToChange() throws IOException {
    try (ServerSocket taken = new ServerSocket()) {
      taken.bind(new InetSocketAddress("localhost", port));

      CliRun r = retort("dev", "start");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.err()).contains(toml + ": dev_port: port " + port + " is in use")
          .contains("set dev_port = " + (port + 1));
    }
  }

  /** `retort upgrade head` in a process of its own, once it runs the step to {@code revision}. */
  private RetortProcess upgradingTo(String revision) throws InterruptedException {
    RetortProcess p = RetortProcess.start(tmp, List.of(), Map.of(), "-c", toml.toString(), "upgrade", "head");
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!p.errSoFar().contains(" -> " + revision) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return p;
  }

  @Test
  void aSecondCommandWaitsForTheFirstNamingItThenRuns() throws Exception {
    Project.write(tmp.resolve("migrations/versions/bbbbbbbbbbb2_slow.sql"),
        "-- revision: bbbbbbbbbbb2\n-- down_revision: " + A + "\n-- message: slow\n"
            + "-- +upgrade\nSELECT pg_sleep(4);\n-- +downgrade\nSELECT 1;\n");
    RetortProcess first = upgradingTo("bbbbbbbbbbb2");

    RetortProcess second = RetortProcess.start(tmp, List.of(), Map.of(), "-c", toml.toString(), "current");
    CliRun waited = second.await(Duration.ofSeconds(90));
    CliRun ran = first.await(Duration.ofSeconds(90));

    assertThat(ran.exitCode()).as(ran.toString()).isZero();
    assertThat(waited.exitCode()).as(waited.toString()).isZero();
    assertThat(waited.err()).contains("Waiting for the embedded PostgreSQL in " + tmp.resolve(".retort/pgdata")
        + ", in use by pid " + first.process().pid() + " (`retort upgrade`, since ");
    assertThat(waited.out()).isEqualTo("bbbbbbbbbbb2 (head)\n");
  }

  @Test
  void theWaitIsBounded() throws Exception {
    Project.write(toml, Files.readString(toml) + "lock_wait = \"1s\"\n");
    Project.write(tmp.resolve("migrations/versions/bbbbbbbbbbb2_slow.sql"),
        "-- revision: bbbbbbbbbbb2\n-- down_revision: " + A + "\n-- message: slow\n"
            + "-- +upgrade\nSELECT pg_sleep(4);\n-- +downgrade\nSELECT 1;\n");
    RetortProcess first = upgradingTo("bbbbbbbbbbb2");

    CliRun gaveUp = retort("current");

    assertThat(gaveUp.exitCode()).as(gaveUp.toString()).isEqualTo(3);
    assertThat(gaveUp.err()).contains("the embedded PostgreSQL stayed in use by pid " + first.process().pid()
        + " (`retort upgrade`, since ").contains(" for 1 s").contains(" dev start`: commands then share it");
    assertThat(first.await(Duration.ofSeconds(90)).exitCode()).isZero();
  }

  @Test
  void aServerLeftByAKilledCommandIsStoppedByTheNext() throws Exception {
    Project.write(tmp.resolve("migrations/versions/bbbbbbbbbbb2_slow.sql"),
        "-- revision: bbbbbbbbbbb2\n-- down_revision: " + A + "\n-- message: slow\n"
            + "-- +upgrade\nSELECT pg_sleep(30);\n-- +downgrade\nSELECT 1;\n");
    RetortProcess killed = upgradingTo("bbbbbbbbbbb2");
    killed.process().destroyForcibly().waitFor();
    PgData pg = new PgData(tmp.resolve(".retort"), null, "pgdata");
    assertThat(pg.running()).isPresent();                // the server outlived its command

    CliRun next = retort("current");

    assertThat(next.exitCode()).as(next.toString()).isZero();
    assertThat(next.out()).isEqualTo(A + "\n");
    assertThat(pg.running()).isEmpty();
  }

  @Test
  void aPlatformWithoutBinariesSaysWhatToDo() {
    CliRun r = RetortProcess.start(tmp, List.of("-Dos.arch=s390x"), Map.of(), "-c", toml.toString(), "current")
        .await(Duration.ofSeconds(60));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("Retort has no embedded PostgreSQL for Linux on s390x")
        .contains("url = \"postgresql://user@host:5432/db\"").contains("--url");
    assertThat(tmp.resolve(".retort/pgdata")).doesNotExist();
  }
}
