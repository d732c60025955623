package retort.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import retort.embedded.EmbeddedPostgres;
import retort.junit.fixtures.BrokenMigrationFixture;
import retort.junit.fixtures.PerClassFixture;
import retort.junit.fixtures.PerMethodFixture;

/** The extension as its users meet it: fixture test classes run through the JUnit engine. */
class RetortExtensionTest {

  @Test
  void aClassSharesOneCopyOfTheTemplateWhichIsDroppedAfterIt() throws Exception {
    Events tests = run(PerClassFixture.class);

    tests.assertStatistics(s -> s.succeeded(2).failed(0));
    assertThat(databases("SELECT datname FROM pg_database WHERE datname = '" + PerClassFixture.databaseName + "'"))
        .isEmpty();
  }

  @Test
  void perMethodGivesEachTestAFreshCopyAndTheTemplateIsMigratedOnce() throws Exception {
    run(PerClassFixture.class).assertStatistics(s -> s.succeeded(2));
    Events tests = run(PerMethodFixture.class);

    tests.assertStatistics(s -> s.succeeded(2).failed(0));
    List<String> templates = databases("SELECT datname FROM pg_database WHERE datistemplate AND datname LIKE 'retort_template_%'");
    assertThat(templates).hasSize(1);
    assertThat(databases("SELECT count(*)::text FROM pg_database WHERE datname LIKE 'retort_test_%'")).containsExactly("0");
  }

  @Test
  void aFailingMigrationFailsTheClassNamingTheFileAndLine() {
    Events container = EngineTestKit.engine("junit-jupiter").selectors(selectClass(BrokenMigrationFixture.class))
        .execute().containerEvents();

    Throwable failure = container.failed().stream().findFirst().orElseThrow()
        .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow();
    assertThat(failure.getMessage()).startsWith("db/broken/versions/b1b1b1b1b1b1_broken.sql:7: ERROR 42P01");
  }

  private static Events run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute().testEvents();
  }

  private static List<String> databases(String sql) throws SQLException {
    try (Connection c = EmbeddedPostgres.shared().dataSource("postgres").getConnection();
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
