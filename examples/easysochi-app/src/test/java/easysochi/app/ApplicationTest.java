package easysochi.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import retort.Retort;
import retort.boot.RetortMigrationInitializer;
import retort.junit.RetortExtension;

/**
 * The application's context on a copy of the migrated template, handed over before the context
 * starts: the starter finds the database at head and has nothing to do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ApplicationTest {

  @RegisterExtension static RetortExtension db = RetortExtension.of("classpath:db/retort");

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", db::jdbcUrl);
  }

  @Autowired RetortMigrationInitializer initializer;
  @Autowired Retort retort;
  @Autowired Listings listings;

  @Test
  void startsOnTheMigratedCopyWithNothingToDo() {
    assertThat(initializer.result().nothingToDo()).isTrue();
    assertThat(retort.pending()).isEmpty();
    assertThat(retort.location()).isEqualTo("classpath:db/retort");
    assertThat(listings.inDistrict("Сириус")).isEmpty();
  }
}
