package easysochi.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import retort.embedded.EmbeddedPostgres;

/**
 * The packaged application as it is deployed: {@code java -jar easysochi-app.jar} on an empty
 * database. The migrations are read from inside the Spring Boot jar (BOOT-INF/classes, reached
 * through nested-jar URLs), applied at start-up, and shown by /actuator/retort and /actuator/health.
 */
class PackagedApplicationIT {

  @Test
  void theFatJarMigratesAnEmptyDatabaseAtStartUpAndReportsIt() throws Exception {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    pg.createDatabase("packaged_app", null);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = Files.createTempFile("easysochi-app", ".log");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process app = new ProcessBuilder(java.toString(), "-jar", System.getProperty("app.jar"),
        "--server.port=" + port, "--spring.datasource.url=" + pg.jdbcUrl("packaged_app"), "--retort.environment=it")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      String health = waitForHealth(http, port, app, log);
      assertThat(health).contains("\"retort\":{\"details\":{\"current\":[\"61d1001d5763\"],\"pending\":[]},\"status\":\"UP\"}");

      String retort = get(http, port, "/actuator/retort").body();
      assertThat(retort).contains("\"location\":\"classpath:db/retort\"")
          .contains("\"current\":[\"61d1001d5763\"]").contains("\"heads\":[\"61d1001d5763\"]")
          .contains("\"pending\":[]")
          .contains("{\"revision\":\"61d1001d5763\",\"direction\":\"upgrade\",");

      assertThat(rows(pg, "SELECT version_num FROM retort_version")).containsExactly("61d1001d5763");
      assertThat(rows(pg, "SELECT count(*) || ' ' || min(environment) FROM retort_log WHERE direction = 'upgrade'"))
          .containsExactly("13 it");
      assertThat(Files.readString(log)).contains("Upgraded aeacb5c549e9 (enable btree_gist and pg_trgm)");
    } finally {
      app.destroy();
      app.waitFor();
    }
  }

  private static String waitForHealth(HttpClient http, int port, Process app, Path log) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (!app.isAlive()) {
        throw new AssertionError("the application exited with " + app.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> r = get(http, port, "/actuator/health");
        if (r.statusCode() == 200) {
          return r.body();
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no healthy application within 90 s:\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> rows(EmbeddedPostgres pg, String sql) throws Exception {
    try (Connection c = pg.dataSource("packaged_app").getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
