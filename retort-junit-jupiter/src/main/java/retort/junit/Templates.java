package retort.junit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import retort.Retort;
import retort.embedded.EmbeddedPostgres;

/**
 * The migrated template databases of this JVM, one per location and target, each migrated once on
 * the shared embedded server; and the copies made of them for tests.
 */
final class Templates {

  private static final Map<String, String> MIGRATED = new ConcurrentHashMap<>();
  private static final AtomicInteger COPIES = new AtomicInteger();
  private static final AtomicInteger TEMPLATES = new AtomicInteger();

  private Templates() {}

  /** A new database copied from the template of this location and target, migrated first if needed. */
  static RetortDatabase copy(String location, String target, ClassLoader loader) {
    EmbeddedPostgres pg = EmbeddedPostgres.shared();
    String template = MIGRATED.computeIfAbsent(location + "\n" + target, key -> migrate(pg, location, target, loader));
    String name = "retort_test_" + ProcessHandle.current().pid() + "_" + COPIES.incrementAndGet();
    pg.createDatabase(name, template);
    return new RetortDatabase(name, pg.jdbcUrl(name), pg.dataSource(name));
  }

  private static String migrate(EmbeddedPostgres pg, String location, String target, ClassLoader loader) {
    String name = "retort_template_" + TEMPLATES.incrementAndGet();
    pg.createDatabase(name, null);
    try {
      Retort.configure(pg.dataSource(name), location).withLocation(location, loader).withTarget(target)
          .withEnvironmentName("test").upgrade();
    } catch (RuntimeException e) {
      pg.dropDatabase(name);
      throw e;
    }
    pg.freezeAsTemplate(name);
    return name;
  }

  static void drop(RetortDatabase database) {
    EmbeddedPostgres.shared().dropDatabase(database.name());
  }
}
