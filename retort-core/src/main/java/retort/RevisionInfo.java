package retort;

import java.util.List;
import java.util.Set;

/**
 * A revision as the listing commands show it: its id, parents, dependencies, labels, message and
 * file, and where it stands: a head (no revision follows it), a branch point (several follow it),
 * a merge point (it follows several), current (the database is at it).
 */
public record RevisionInfo(
    String revision,
    List<String> downRevisions,
    List<String> dependsOn,
    Set<String> branchLabels,
    String message,
    String file,
    String created,
    boolean head,
    boolean branchPoint,
    boolean mergePoint,
    boolean current) {

  public RevisionInfo {
    downRevisions = List.copyOf(downRevisions);
    dependsOn = List.copyOf(dependsOn);
    branchLabels = Set.copyOf(branchLabels);
  }
}
