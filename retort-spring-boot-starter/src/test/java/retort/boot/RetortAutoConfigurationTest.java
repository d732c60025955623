package retort.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import retort.Retort;
import retort.RetortException;
import retort.embedded.EmbeddedPostgres;

/** The auto-configuration in a real application context, on a fresh database of the embedded PostgreSQL. */
class RetortAutoConfigurationTest {

  private static final AtomicInteger DATABASES = new AtomicInteger();

  String url;
  ApplicationContextRunner app;

  @BeforeEach
  void setUp() {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String name = "starter_" + DATABASES.incrementAndGet();
    pg.createDatabase(name, null);
    url = pg.jdbcUrl(name);
    app = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class, RetortAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + url, "spring.datasource.hikari.maximum-pool-size=1")
        .withUserConfiguration(Greeter.class);
  }

  /** An application bean that reads the migrated table as soon as it is created. */
  @Configuration(proxyBeanMethods = false)
  static class Greeter {
    @Bean
    String greetingFromJdbcTemplate(JdbcTemplate jdbc) {
      return jdbc.queryForObject("SELECT text FROM greetings WHERE id = 1", String.class);
    }

    @Bean
    String greetingFromJdbcClient(JdbcClient jdbc) {
      return jdbc.sql("SELECT text FROM greetings WHERE id = 1").query(String.class).single();
    }
  }

  @Test
  void upgradesAtStartUpBeforeJdbcTemplateAndJdbcClientUsersOnAPoolOfOne() {
    app.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean("greetingFromJdbcTemplate")).isEqualTo("hello from the migration");
      assertThat(context.getBean("greetingFromJdbcClient")).isEqualTo("hello from the migration");
      assertThat(context.getBean(RetortMigrationInitializer.class).result().steps()).hasSize(2);
      assertThat(rows("SELECT version_num || ' ' || environment FROM retort_version, retort_log"
          + " WHERE revision = version_num")).containsExactly("b2b2b2b2b2b2 application");
    });
  }

  @Test
  void disabledItLeavesTheDatabaseAloneAndTheSameApplicationFails() {
    app.withPropertyValues("retort.enabled=false").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("relation \"greetings\" does not exist");
    });
  }

  @Test
  void aTargetAndTheVersionTableComeFromProperties() {
    app.withUserConfiguration().withPropertyValues("retort.target=a1a1", "retort.version-table=bot_version",
        "retort.environment=staging").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(rows("SELECT version_num FROM bot_version")).containsExactly("a1a1a1a1a1a1");
          assertThat(rows("SELECT to_regclass('farewells')::text")).containsExactly((String) null);
        });
  }

  @Test
  void validateOnlyRefusesPendingMigrationsAndChangesNothing() {
    app.withPropertyValues("retort.validate-only=true").run(context -> {
      assertThat(context).hasFailed();
      RetortException e = rootRetortException(context.getStartupFailure());
      assertThat(e.getMessage()).startsWith("retort.validate-only: 2 migration(s) pending: db/retort/versions/a1a1a1a1a1a1_greetings.sql");
      assertThat(rows("SELECT to_regclass('greetings')::text")).containsExactly((String) null);
    });
    app.run(context -> assertThat(context).hasNotFailed());
    app.withPropertyValues("retort.validate-only=true").run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void twoHeadsRefuseToStartWithTheMergeHint() {
    app.withPropertyValues("retort.location=classpath:db/twoheads").run(context -> {
      assertThat(context).hasFailed();
      RetortException e = rootRetortException(context.getStartupFailure());
      assertThat(e.getMessage()).contains("c3c3c3c3c3c3").contains("d4d4d4d4d4d4");
      FailureAnalysis analysis = new RetortFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("c3c3c3c3c3c3");
      assertThat(analysis.getAction()).contains("retort merge");
      assertThat(rows("SELECT to_regclass('greetings')::text")).containsExactly((String) null);
    });
  }

  @Test
  void theEndpointAndHealthShowCurrentHeadsAndPending() {
    app.withUserConfiguration().withPropertyValues("retort.target=a1a1a1a1a1a1").run(context -> {
      RetortEndpoint.Report report = new RetortEndpoint(context.getBean(Retort.class)).report();
      assertThat(report.location()).isEqualTo("classpath:db/retort");
      assertThat(report.current()).containsExactly("a1a1a1a1a1a1");
      assertThat(report.heads()).containsExactly("b2b2b2b2b2b2");
      assertThat(report.pending()).extracting(RetortEndpoint.Pending::revision).containsExactly("b2b2b2b2b2b2");
      assertThat(report.log()).extracting(l -> l.revision() + " " + l.direction() + " " + l.outcome() + " "
          + l.environment()).containsExactly("a1a1a1a1a1a1 upgrade applied application");

      var health = context.getBean(RetortHealthIndicator.class).health(true);
      assertThat(health.getStatus().getCode()).isEqualTo("OUT_OF_SERVICE");
      assertThat(health.getDetails()).containsEntry("pending", List.of("b2b2b2b2b2b2"));
    });
  }

  private static RetortException rootRetortException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof RetortException e) {
        return e;
      }
    }
    throw new AssertionError("no RetortException in " + failure);
  }

  private List<String> rows(String sql) throws Exception {
    try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
