package retort.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that works on a migrated PostgreSQL database: the embedded PostgreSQL 17 is started
 * once per JVM, the migrations at {@link #location} are applied once to a template database, and
 * each test class (or each test method, see {@link #reset}) gets a copy of it. Test methods and
 * constructors take a {@code javax.sql.DataSource} or a {@link RetortDatabase} as a parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(RetortExtension.class)
public @interface RetortTest {

  /** Where the migrations are: {@code classpath:db/retort} (the default) or a directory. */
  String location() default RetortExtension.DEFAULT_LOCATION;

  /** What the template is upgraded to: {@code head} (the default), {@code heads}, a revision, {@code base}. */
  String target() default "head";

  /** Whether each test class or each test method gets a fresh copy. */
  Reset reset() default Reset.PER_CLASS;

  /** When a test gets a fresh copy of the migrated template. */
  enum Reset {
    /** One database for all the tests of a class, dropped after them. */
    PER_CLASS,
    /** A database for each test method, dropped after it. */
    PER_METHOD
  }
}
