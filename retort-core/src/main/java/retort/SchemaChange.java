package retort;

import java.util.List;

/**
 * One change of a schema plan, as {@code diff --format json} lists it.
 *
 * @param part which revision of the plan it belongs to, from 1
 * @param transactional whether that revision runs in a transaction
 * @param kind the kind of object: {@code table}, {@code column}, {@code index}, ...
 * @param object the object, schema-qualified: {@code apartments.listing.price}
 * @param action {@code create}, {@code alter}, {@code attribute} (comment, privileges) or {@code drop}
 * @param description what the change does: {@code add column}, {@code create index concurrently}
 * @param hazards ids of what the reader must know: {@code deletes-data}, {@code rewrites-table}, ...
 * @param upgrade the statements of the change
 * @param downgrade the statements that undo it
 */
public record SchemaChange(int part, boolean transactional, String kind, String object, String action,
    String description, List<String> hazards, List<String> upgrade, List<String> downgrade) {

  public SchemaChange {
    hazards = List.copyOf(hazards);
    upgrade = List.copyOf(upgrade);
    downgrade = List.copyOf(downgrade);
  }
}
