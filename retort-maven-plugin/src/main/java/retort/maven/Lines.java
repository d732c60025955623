package retort.maven;

import retort.RevisionInfo;

/** Revisions as the command line prints them: {@code a -> b (head) (current), message}. */
final class Lines {

  private Lines() {}

  static String id(RevisionInfo r) {
    return r.revision() + (r.head() ? " (head)" : "") + (r.current() ? " (current)" : "");
  }

  static String line(RevisionInfo r) {
    String down = r.downRevisions().isEmpty() ? "<base>" : String.join(", ", r.downRevisions());
    return down + " -> " + id(r) + ", " + r.message();
  }
}
