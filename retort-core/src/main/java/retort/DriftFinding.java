package retort;

import java.util.List;

/**
 * One object of a live database that differs from what its recorded revisions make: added, removed
 * or changed outside migrations.
 *
 * @param kind the kind of object: {@code table}, {@code column}, {@code index}, {@code function}, ...
 * @param object the object, schema-qualified: {@code apartments.bookings.note}
 * @param change {@code added}, {@code removed} or {@code changed}
 * @param attributes for a changed object, each attribute that differs
 * @param description the finding in one line: {@code apartments.bookings.note: column added outside migrations}
 */
public record DriftFinding(String kind, String object, String change, List<Attribute> attributes,
    String description) {

  /**
   * An attribute of a changed object as the recorded revisions make it and as the live database has it
   * (null: none): {@code type}, {@code text}, {@code character varying(200)}.
   */
  public record Attribute(String name, String recorded, String live) {}

  public DriftFinding {
    attributes = List.copyOf(attributes);
  }
}
