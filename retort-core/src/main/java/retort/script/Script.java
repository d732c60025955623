package retort.script;

import retort.graph.Revision;

/**
 * One migration file: its revision in the graph, the header's message, creation time and
 * transactional flag, its two sections, and the checksum of those sections.
 *
 * @param name the file's path relative to the script location, as errors print it
 */
public record Script(
    Revision revision,
    String name,
    String message,
    String created,
    boolean transactional,
    Section upgrade,
    Section downgrade,
    String checksum) {

  public String id() {
    return revision.id();
  }
}
