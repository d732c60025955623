package retort.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.TreeSet;

/**
 * The privileges on an object, as a sorted set of grants, beyond those its owner holds: what
 * {@code GRANT} and {@code REVOKE} changed from nothing. Built-in defaults (EXECUTE on a function to
 * PUBLIC, USAGE on a type) are included, so that revoking them shows.
 */
public record Acl(List<Grant> grants) {

  public static final Acl EMPTY = new Acl(List.of());

  public Acl {
    grants = List.copyOf(new TreeSet<>(grants));
  }

  static Acl of(Array items) throws SQLException {
    if (items == null) {
      return EMPTY;
    }
    String[] texts = (String[]) items.getArray();
    if (texts.length == 0) {
      return EMPTY;
    }
    TreeSet<Grant> grants = new TreeSet<>();
    for (String t : texts) {
      grants.add(Grant.parse(t));
    }
    return new Acl(List.copyOf(grants));
  }

  public boolean isEmpty() {
    return grants.isEmpty();
  }
}
