package retort.graph;

import java.util.List;

/**
 * What one step does to the version table: rows deleted, rows inserted, and at most one row whose
 * value is updated from one revision to another ({@code updateFrom} null when there is none).
 */
public record VersionChange(List<String> deletes, List<String> inserts, String updateFrom, String updateTo) {

  public VersionChange {
    deletes = List.copyOf(deletes);
    inserts = List.copyOf(inserts);
  }

  static VersionChange insert(String id) {
    return new VersionChange(List.of(), List.of(id), null, null);
  }

  static VersionChange delete(String id) {
    return new VersionChange(List.of(id), List.of(), null, null);
  }

  static VersionChange update(String from, String to) {
    return new VersionChange(List.of(), List.of(), from, to);
  }

  public boolean hasUpdate() {
    return updateFrom != null;
  }
}
