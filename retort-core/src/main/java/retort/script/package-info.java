/**
 * Migration files: the comment header and the upgrade and downgrade sections, the directory of
 * versions they live in, their checksums, and the template a new revision is written from.
 *
 * <p>Files become revisions here, so the graph never sees a path. Internal to Retort: use the
 * {@code retort} package.
 */
package retort.script;
