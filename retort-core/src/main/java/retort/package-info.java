/**
 * Retort's public API: the {@link retort.Retort} facade with one method per command, the records it
 * returns, its configuration, and {@link retort.RetortException}, the one error a user sees.
 *
 * <p>Every subpackage is internal and may change without notice.
 */
package retort;
