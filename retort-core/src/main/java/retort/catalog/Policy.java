package retort.catalog;

import java.util.List;

/**
 * A row security policy of a table.
 *
 * @param command {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles the roles it applies to, sorted; {@code PUBLIC} for all
 */
public record Policy(ObjectId id, ObjectId container, String command, boolean permissive, List<String> roles,
    String using, String check) implements DbObject {

  public Policy {
    roles = List.copyOf(roles);
  }
}
