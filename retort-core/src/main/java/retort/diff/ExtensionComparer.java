package retort.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.Extension;
import retort.catalog.Names;

/** Extensions: created in their schema, moved when relocatable, updated to another version. */
final class ExtensionComparer implements Comparer<Extension> {

  @Override
  public Class<Extension> type() {
    return Extension.class;
  }

  private static String create(Extension e) {
    return "CREATE EXTENSION IF NOT EXISTS " + e.id().qualified() + " WITH SCHEMA " + Names.quote(e.schema());
  }

  private static String drop(Extension e) {
    return "DROP EXTENSION " + e.id().qualified();
  }

  @Override
  public List<Step> create(Extension e, Catalog side, Context c) {
    return List.of(Step.of(e.id(), Action.CREATE, "create extension", create(e), drop(e)));
  }

  @Override
  public List<Step> drop(Extension e, Catalog side, Context c) {
    return List.of(Step.of(e.id(), Action.DROP, "drop extension", drop(e), create(e)));
  }

  @Override
  public List<Step> alter(Extension from, Extension to, Context c) {
    if (!Objects.equals(from.schema(), to.schema()) && !from.relocatable()) {
      return null;
    }
    List<Step> steps = new ArrayList<>();
    if (!Objects.equals(from.schema(), to.schema())) {
      steps.add(Step.of(to.id(), Action.ALTER, "move extension",
          "ALTER EXTENSION " + to.id().qualified() + " SET SCHEMA " + Names.quote(to.schema()),
          "ALTER EXTENSION " + to.id().qualified() + " SET SCHEMA " + Names.quote(from.schema())));
    }
    if (!Objects.equals(from.version(), to.version())) {
      steps.add(Step.of(to.id(), Action.ALTER, "update extension",
          "ALTER EXTENSION " + to.id().qualified() + " UPDATE TO " + Names.literal(to.version()),
          "ALTER EXTENSION " + to.id().qualified() + " UPDATE TO " + Names.literal(from.version()))
          .hazard(Hazard.LOSSY_DOWNGRADE)
          .note("an extension's downgrade works only where it ships a script from " + to.version() + " to "
              + from.version()));
    }
    return steps;
  }
}
