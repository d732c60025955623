package retort.diff;

import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Schema;

/** Schemas: created and dropped (never with CASCADE: what they hold is dropped first, step by step). */
final class SchemaComparer implements Comparer<Schema> {

  @Override
  public Class<Schema> type() {
    return Schema.class;
  }

  @Override
  public List<Step> create(Schema s, Catalog side, Context c) {
    return List.of(Step.of(s.id(), Action.CREATE, "create schema", "CREATE SCHEMA " + s.id().qualified(),
        "DROP SCHEMA " + s.id().qualified()));
  }

  @Override
  public List<Step> drop(Schema s, Catalog side, Context c) {
    return List.of(Step.of(s.id(), Action.DROP, "drop schema", "DROP SCHEMA " + s.id().qualified(),
        "CREATE SCHEMA " + s.id().qualified()));
  }

  @Override
  public List<Step> alter(Schema from, Schema to, Context c) {
    return List.of();
  }
}
