package retort;

import java.util.List;

/**
 * One step a run carried out: the revision, upgrade or downgrade, its file and message, the revisions
 * it came from and went to (as Alembic prints {@code a -> b}), and the number of statements.
 */
public record StepSummary(
    String revision, String direction, String file, String message, List<String> from, List<String> to,
    int statements) {

  public StepSummary {
    from = List.copyOf(from);
    to = List.copyOf(to);
  }
}
