package retort.cli;

import retort.DriftReport;
import retort.RetortException;

/** The drift column of {@code envs --drift}: whether one environment's database is what its migrations say. */
final class DriftColumn {

  private DriftColumn() {}

  /** The column for the environment of {@code env}, its revisions replayed on {@code scratch}. */
  static String of(Session env, ScratchCluster scratch) {
    try {
      DriftReport report = env.retort().drift(scratch);
      int n = report.findings().size();
      return report.isEmpty() ? "no drift" : "drifted: " + n + " object" + (n == 1 ? "" : "s");
    } catch (RetortException e) {
      return "drift unknown: " + e.getMessage();
    }
  }
}
