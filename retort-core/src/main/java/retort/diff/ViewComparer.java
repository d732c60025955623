package retort.diff;

import java.util.ArrayList;
import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.DbObject;
import retort.catalog.ObjectId;
import retort.catalog.View;

/**
 * Views and materialized views. A view whose new query keeps its columns (and may add some at the end)
 * is replaced in place with {@code CREATE OR REPLACE VIEW}; otherwise, and always for a materialized
 * view, it is dropped and created again, with what depends on it rebuilt around it.
 */
final class ViewComparer implements Comparer<View> {

  @Override
  public Class<View> type() {
    return View.class;
  }

  private static String create(View v, boolean orReplace) {
    String with = v.options().isEmpty() ? "" : " WITH (" + String.join(", ", v.options()) + ")";
    if (v.materialized()) {
      return "CREATE MATERIALIZED VIEW " + v.id().qualified() + with + " AS\n" + v.definition() + "\nWITH DATA";
    }
    return "CREATE " + (orReplace ? "OR REPLACE " : "") + "VIEW " + v.id().qualified() + with + " AS\n"
        + v.definition();
  }

  private static String drop(View v) {
    return "DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + v.id().qualified();
  }

  @Override
  public List<Step> create(View v, Catalog side, Context c) {
    return List.of(Step.of(v.id(), Action.CREATE, v.materialized() ? "create materialized view" : "create view",
        create(v, false), drop(v)));
  }

  @Override
  public List<Step> drop(View v, Catalog side, Context c) {
    return List.of(Step.of(v.id(), Action.DROP, v.materialized() ? "drop materialized view" : "drop view", drop(v),
        create(v, false)));
  }

  @Override
  public List<Step> alter(View from, View to, Context c) {
    if (to.materialized() || !from.options().equals(to.options())
        || !extends_(columns(from.id(), c.from()), columns(to.id(), c.to()))) {
      return null;
    }
    return List.of(Step.of(to.id(), Action.ALTER, "replace view", create(to, true), create(from, true)));
  }

  /** A view's columns as {@code name type}, in order. */
  private static List<String> columns(ObjectId view, Catalog side) {
    List<String> out = new ArrayList<>();
    for (ObjectId id : side.children(view)) {
      DbObject o = side.get(id);
      if (o instanceof Column col) {
        out.add(col.id().member() + " " + col.type() + " " + col.collation());
      }
    }
    return out;
  }

  /** Whether {@code after} keeps every column of {@code before}, in order, and adds only at the end. */
  private static boolean extends_(List<String> before, List<String> after) {
    return after.size() >= before.size() && after.subList(0, before.size()).equals(before);
  }
}
