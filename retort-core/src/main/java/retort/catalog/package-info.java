/**
 * The catalog model: one immutable snapshot of a database's schema objects, keyed by logical identity
 * (schema-qualified names and routine signatures, never OIDs), read by a handful of set-based
 * {@code pg_catalog} queries in one round trip.
 *
 * <p>Internal to Retort: use the {@code retort} package.
 */
package retort.catalog;
