/**
 * Scratch databases on a server Retort controls: the declared schema loaded into one, the head of the
 * migration chain replayed into another and kept as a template keyed by the chain's checksums, and
 * copies of that template on which a plan is proven before it is written. Nothing here ever touches
 * the target database.
 *
 * <p>Internal to Retort: use the {@code retort} package.
 */
package retort.scratch;
