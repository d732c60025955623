package retort;

import java.util.ArrayList;
import java.util.List;
import retort.graph.Plan;
import retort.graph.Step;
import retort.script.Script;
import retort.script.ScriptDirectory;

/** Steps and plans as the public API shows them: {@link StepSummary} and {@link MigrationResult}. */
final class Summaries {

  private Summaries() {}

  static MigrationResult result(Plan plan, ScriptDirectory files) {
    ScriptDirectory dir = files.forRows(plan.rowsBefore());
    List<StepSummary> steps = new ArrayList<>();
    for (Step s : plan.steps()) {
      steps.add(summary(s, dir.script(s.revision())));
    }
    return new MigrationResult(steps, plan.rowsBefore(), plan.rowsAfter());
  }

  /** A step as the public API shows it. */
  static StepSummary summary(Step s, Script script) {
    List<String> down = s.revision().downRevisions();
    List<String> self = List.of(s.revision().id());
    int count = (s.isUpgrade() ? script.upgrade() : script.downgrade()).statements().size();
    return new StepSummary(s.revision().id(), s.direction().word(), script.name(), script.message(),
        s.isUpgrade() ? down : self, s.isUpgrade() ? self : down, count);
  }
}
