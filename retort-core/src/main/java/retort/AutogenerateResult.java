package retort;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code revision --autogenerate} did: the revision files written (none when there was nothing
 * to change), the changes they make, warnings (hazards, data not restored by a downgrade, possible
 * renames, kinds not compared yet), and how long each phase took, in milliseconds ({@code replay} of
 * head when not cached, {@code load} of the declared files, {@code introspection} of every catalog
 * read, {@code diff}, {@code proof}: seeding and running the revisions).
 */
public record AutogenerateResult(List<Path> files, List<SchemaChange> changes, List<String> warnings,
    Map<String, Long> millis) {

  public AutogenerateResult {
    files = List.copyOf(files);
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
    millis = Map.copyOf(millis);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }
}
