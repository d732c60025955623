/**
 * The differ: given the catalog of head and the catalog of the declared schema, the steps that take
 * one to the other and back, one small comparer per object kind, ordered by the dependencies each
 * side's {@code pg_depend} records, made lock-safe on tables that already exist, and cut into
 * revisions at transaction boundaries. Pure: no I/O.
 *
 * <p>Internal to Retort: use the {@code retort} package.
 */
package retort.diff;
