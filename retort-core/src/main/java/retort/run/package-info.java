/**
 * Executing a plan: the runner takes the run lock, reads the version rows, plans, and applies each
 * step in its own transaction together with its version-table change and log row, or, for a
 * non-transactional step, statement by statement with its log row advanced after each one.
 *
 * <p>Progress goes to a {@link retort.run.Progress} the caller implements; nothing here prints.
 * Internal to Retort: use the {@code retort} package.
 */
package retort.run;
