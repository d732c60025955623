package retort.boot;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link RetortMigrationInitializer} initializes the database, so that
 * every bean that depends on database initialization (JPA's EntityManagerFactory, JdbcTemplate,
 * JdbcClient, jOOQ's DSLContext, beans marked {@code @DependsOnDatabaseInitialization}) is created
 * after it. Registered in {@code META-INF/spring.factories}.
 */
public class RetortDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

  @Override
  protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
    return Set.of(RetortMigrationInitializer.class);
  }
}
