package retort.catalog;

import java.util.List;

/**
 * A view or a materialized view (by its id's kind). Its columns are objects of their own.
 *
 * @param definition the query as {@code pg_get_viewdef} prints it, pretty
 * @param options {@code security_barrier=true}, {@code check_option=local}, sorted
 */
public record View(ObjectId id, String definition, List<String> options) implements DbObject {

  public View {
    options = List.copyOf(options);
  }

  public boolean materialized() {
    return id.kind() == Kind.MATVIEW;
  }
}
