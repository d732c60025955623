package retort;

import java.util.List;

/**
 * What {@code drift} found: the revisions the database records (its version rows), each object that
 * differs from what they make, warnings (a migration stopped part way, kinds not compared yet), and
 * the SQL that would take the live database back to its recorded state (never run by drift). Empty
 * when the database is what its migrations say it is.
 */
public record DriftReport(List<String> recorded, List<DriftFinding> findings, List<String> warnings, String sql) {

  public DriftReport {
    recorded = List.copyOf(recorded);
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return findings.isEmpty();
  }
}
