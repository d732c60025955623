/**
 * The revision graph: revisions linked by their down revisions into a DAG, the targets a user can
 * name, and the planner that turns a target into steps with their version-table changes.
 *
 * <p>Pure values, no files and no database. Internal to Retort: use the {@code retort} package.
 */
package retort.graph;
