package retort.run;

import java.util.List;
import retort.graph.Plan;

/** What a run did: the plan it carried out, the version rows before and after. */
public record RunReport(Plan plan, List<String> rowsBefore, List<String> rowsAfter) {

  public RunReport {
    rowsBefore = List.copyOf(rowsBefore);
    rowsAfter = List.copyOf(rowsAfter);
  }
}
