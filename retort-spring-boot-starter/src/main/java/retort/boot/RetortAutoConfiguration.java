package retort.boot;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;
import retort.Retort;
import retort.RetortListener;

/**
 * Retort for the application's DataSource: upgrades it to {@code retort.target} at start-up
 * before anything that uses the database, and, with Spring Boot's actuator, the {@code retort}
 * endpoint and health contribution.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(Retort.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "retort.enabled", matchIfMissing = true)
@EnableConfigurationProperties(RetortProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class RetortAutoConfiguration {

  /** Retort over the application's one DataSource, configured from {@code retort.*}. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnSingleCandidate(DataSource.class)
  public Retort retort(DataSource dataSource, RetortProperties properties, ResourceLoader resources,
      ObjectProvider<RetortListener> listener) {
    return Retort.configure(dataSource, properties.getLocation())
        .withLocation(properties.getLocation(), resources.getClassLoader())
        .withVersionTable(properties.getVersionTable())
        .withVersionTableSchema(properties.getVersionTableSchema())
        .withLockTimeout(properties.getLockTimeout())
        .withEnvironmentName(properties.getEnvironment())
        .withTarget(properties.getTarget())
        .withListener(listener.getIfAvailable(() -> RetortListener.NONE));
  }

  @Bean
  @ConditionalOnMissingBean
  public RetortMigrationInitializer retortMigrationInitializer(Retort retort, RetortProperties properties) {
    return new RetortMigrationInitializer(retort, properties.getTarget(), properties.isValidateOnly());
  }

  /** The {@code retort} actuator endpoint, where the actuator is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class EndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(RetortEndpoint.class)
    RetortEndpoint retortEndpoint(Retort retort) {
      return new RetortEndpoint(retort);
    }
  }

  /** The {@code retort} health contribution, where Spring Boot's health module is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "retortHealthIndicator")
    RetortHealthIndicator retortHealthIndicator(Retort retort) {
      return new RetortHealthIndicator(retort);
    }
  }
}
