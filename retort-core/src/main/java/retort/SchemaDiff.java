package retort;

import java.util.List;

/**
 * What takes one schema to another: the changes, in order, with the SQL script they make (each
 * revision's upgrade, non-transactional ones marked), and warnings (possible renames, objects of
 * kinds not compared yet). Empty when the two are the same.
 */
public record SchemaDiff(List<SchemaChange> changes, List<String> warnings, String sql) {

  public SchemaDiff {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }
}
