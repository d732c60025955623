package retort;

import java.util.List;

/** What an upgrade or downgrade did: its steps in order, and the version rows before and after. */
public record MigrationResult(List<StepSummary> steps, List<String> headsBefore, List<String> headsAfter) {

  public MigrationResult {
    steps = List.copyOf(steps);
    headsBefore = List.copyOf(headsBefore);
    headsAfter = List.copyOf(headsAfter);
  }

  public boolean nothingToDo() {
    return steps.isEmpty();
  }
}
