/**
 * The database side of a run: connection URLs that cannot print their password, the run lock, the
 * version and log tables, and catalog queries.
 *
 * <p>Only this package and {@code run} talk JDBC. Internal to Retort: use the {@code retort} package.
 */
package retort.db;
