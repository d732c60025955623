package retort.junit;

import javax.sql.DataSource;

/**
 * The database a test works on: a copy of the migrated template on the embedded PostgreSQL,
 * reached as the superuser {@code postgres} without a password.
 *
 * @param name the database's name
 * @param jdbcUrl its JDBC URL, the user in it (give it to {@code spring.datasource.url})
 * @param dataSource a data source of it; every connection is new
 */
public record RetortDatabase(String name, String jdbcUrl, DataSource dataSource) {

  @Override
  public String toString() {
    return jdbcUrl;
  }
}
