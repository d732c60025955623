package retort.graph;

import java.util.List;

/** The steps that move a database from the rows it has to the rows it will have. */
public record Plan(List<String> rowsBefore, List<Step> steps, List<String> rowsAfter) {

  public Plan {
    rowsBefore = List.copyOf(rowsBefore);
    steps = List.copyOf(steps);
    rowsAfter = List.copyOf(rowsAfter);
  }

  public boolean isEmpty() {
    return steps.isEmpty();
  }
}
