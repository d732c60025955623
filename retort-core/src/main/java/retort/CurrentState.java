package retort;

import java.util.List;
import java.util.Optional;

/**
 * Where the database is: the revisions it is at (as {@link Retort#current()} gives them) and the run
 * that holds its run lock now, if any (as {@link Retort#runInProgress()} gives it).
 */
public record CurrentState(List<RevisionInfo> revisions, Optional<LockHolder> runInProgress) {

  public CurrentState {
    revisions = List.copyOf(revisions);
  }
}
