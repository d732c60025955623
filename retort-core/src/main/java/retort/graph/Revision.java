package retort.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One node of the graph: a revision id, the revisions it follows ({@code down_revision}), the
 * revisions it needs without following them ({@code depends_on}), its branch labels, the name of
 * the file it came from, used in errors, and for a squash the revisions it replaces, in order (see
 * {@link Squashes}).
 */
public record Revision(
    String id,
    List<String> downRevisions,
    List<String> dependsOn,
    Set<String> branchLabels,
    String source,
    List<String> replaces) {

  public Revision {
    Objects.requireNonNull(id, "id");
    downRevisions = List.copyOf(downRevisions);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = Set.copyOf(branchLabels);
    source = source == null ? id : source;
    replaces = replaces == null ? List.of() : List.copyOf(replaces);
  }

  /** A revision that replaces none. */
  public Revision(String id, List<String> downRevisions, List<String> dependsOn, Set<String> branchLabels,
      String source) {
    this(id, downRevisions, dependsOn, branchLabels, source, List.of());
  }

  /** Whether this revision is a squash: it replaces a range of others. */
  public boolean isSquash() {
    return !replaces.isEmpty();
  }

  /** A revision with parents only, named after its id; convenient in tests. */
  public static Revision of(String id, String... downRevisions) {
    return new Revision(id, List.of(downRevisions), List.of(), Set.of(), id);
  }

  public boolean isBase() {
    return downRevisions.isEmpty();
  }
}
