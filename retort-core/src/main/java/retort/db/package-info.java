/**
 * The database side of a run: the run lock (and how to tell a pooler that cannot hold it), the
 * version and log tables, one statement per message, and catalog queries.
 *
 * <p>Only this package and {@code run} talk JDBC. Internal to Retort: use the {@code retort} package.
 */
package retort.db;
