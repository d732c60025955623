package retort.junit;

import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import retort.junit.RetortTest.Reset;

/**
 * The extension behind {@link RetortTest}. It can also be registered in a static field, which lets
 * a Spring test hand the database to the application before its context starts:
 *
 * <pre>{@code
 * @RegisterExtension static RetortExtension db = RetortExtension.of("classpath:db/retort");
 * @DynamicPropertySource static void database(DynamicPropertyRegistry r) {
 *   r.add("spring.datasource.url", db::jdbcUrl);
 * }
 * }</pre>
 */
public final class RetortExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
    AfterEachCallback, ParameterResolver {

  static final String DEFAULT_LOCATION = "classpath:db/retort";
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RetortExtension.class);
  private static final String DATABASE = "database";

  private final String location;
  private final String target;
  private final Reset reset;
  /** The database of the test running now, for {@link #jdbcUrl()} and {@link #dataSource()}. */
  private volatile RetortDatabase current;

  /** The extension as {@link RetortTest} registers it: its settings come from the annotation. */
  public RetortExtension() {
    this(null, null, null);
  }

  private RetortExtension(String location, String target, Reset reset) {
    this.location = location;
    this.target = target;
    this.reset = reset;
  }

  /** An extension for the migrations at this location, upgraded to head, one database per test class. */
  public static RetortExtension of(String location) {
    return new RetortExtension(location, "head", Reset.PER_CLASS);
  }

  /** The same extension upgrading the template to another target. */
  public RetortExtension target(String newTarget) {
    return new RetortExtension(location, newTarget, reset);
  }

  /** The same extension giving each test class or each test method a fresh database. */
  public RetortExtension reset(Reset newReset) {
    return new RetortExtension(location, target, newReset);
  }

  /** The database of the test that runs now. */
  public RetortDatabase database() {
    RetortDatabase db = current;
    if (db == null) {
      throw new IllegalStateException("no test of this extension is running");
    }
    return db;
  }

  public String jdbcUrl() {
    return database().jdbcUrl();
  }

  public DataSource dataSource() {
    return database().dataSource();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (settings(context).reset() == Reset.PER_CLASS) {
      open(context);
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (settings(context).reset() == Reset.PER_METHOD) {
      open(context);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    close(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close(context);
  }

  private void open(ExtensionContext context) {
    Settings s = settings(context);
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    RetortDatabase db = Templates.copy(s.location(), s.target(), loader);
    context.getStore(NAMESPACE).put(DATABASE, db);
    current = db;
  }

  /** Drops the database this context made, if it made one. */
  private void close(ExtensionContext context) {
    RetortDatabase db = context.getStore(NAMESPACE).remove(DATABASE, RetortDatabase.class);
    if (db != null) {
      Templates.drop(db);
      current = context.getParent().map(p -> p.getStore(NAMESPACE).get(DATABASE, RetortDatabase.class)).orElse(null);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DataSource.class || type == RetortDatabase.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    RetortDatabase db = context.getStore(NAMESPACE).get(DATABASE, RetortDatabase.class);
    if (db == null) {
      throw new ParameterResolutionException("no database yet: with reset = PER_METHOD a constructor or "
          + "@BeforeAll method cannot take one; take it in the test method or @BeforeEach");
    }
    return parameter.getParameter().getType() == DataSource.class ? db.dataSource() : db;
  }

  private record Settings(String location, String target, Reset reset) {}

  /** This extension's settings, or those of the {@link RetortTest} on the test class. */
  private Settings settings(ExtensionContext context) {
    if (location != null) {
      return new Settings(location, target, reset);
    }
    for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<RetortTest> test = AnnotationSupport.findAnnotation(c, RetortTest.class);
      if (test.isPresent()) {
        return new Settings(test.get().location(), test.get().target(), test.get().reset());
      }
    }
    throw new IllegalStateException("register RetortExtension with @RetortTest or RetortExtension.of");
  }
}
