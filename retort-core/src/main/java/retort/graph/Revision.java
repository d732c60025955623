package retort.graph;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One node of the graph: a revision id, the revisions it follows ({@code down_revision}), the
 * revisions it needs without following them ({@code depends_on}), its branch labels, and the name of
 * the file it came from, used in errors.
 */
public record Revision(
    String id,
    List<String> downRevisions,
    List<String> dependsOn,
    Set<String> branchLabels,
    String source) {

  public Revision {
    Objects.requireNonNull(id, "id");
    downRevisions = List.copyOf(downRevisions);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = Set.copyOf(branchLabels);
    source = source == null ? id : source;
  }

  /** A revision with parents only, named after its id; convenient in tests. */
  public static Revision of(String id, String... downRevisions) {
    return new Revision(id, List.of(downRevisions), List.of(), Set.of(), id);
  }

  public boolean isBase() {
    return downRevisions.isEmpty();
  }
}
