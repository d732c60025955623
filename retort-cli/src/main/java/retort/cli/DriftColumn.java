package retort.cli;

import retort.DriftReport;
import retort.RetortException;

/** The drift column of {@code envs --drift}: whether one environment's database is what its migrations say. */
final class DriftColumn {

  private DriftColumn() {}

  static String of(Session session, String environment) {
    try (Session env = session.other(environment)) {
      DriftReport report = env.retort().drift(session.scratch());
      int n = report.findings().size();
      return report.isEmpty() ? "no drift" : "drifted: " + n + " object" + (n == 1 ? "" : "s");
    } catch (RetortException e) {
      return "drift unknown: " + e.getMessage();
    }
  }
}
