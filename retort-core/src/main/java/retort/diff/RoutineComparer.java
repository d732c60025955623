package retort.diff;

import java.util.List;
import java.util.Objects;
import retort.catalog.Catalog;
import retort.catalog.Kind;
import retort.catalog.Routine;

/**
 * Functions, procedures and aggregates. A new body or new attributes are written with
 * {@code CREATE OR REPLACE}; a changed result type or argument list (names, defaults) drops the
 * routine by its exact signature and creates it again, with what depends on it rebuilt around it.
 * Overloads are other routines: their identity includes the argument types.
 */
final class RoutineComparer implements Comparer<Routine> {

  @Override
  public Class<Routine> type() {
    return Routine.class;
  }

  private static String create(Routine r) {
    if (r.id().kind() == Kind.AGGREGATE) {
      return "CREATE AGGREGATE " + Sql.routine(r) + " (" + r.definition() + ")";
    }
    return r.definition().strip();
  }

  private static String drop(Routine r) {
    return "DROP " + r.id().kind().word() + " " + Sql.routine(r);
  }

  @Override
  public List<Step> create(Routine r, Catalog side, Context c) {
    return List.of(Step.of(r.id(), Action.CREATE, "create " + r.id().kind().word().toLowerCase(), create(r), drop(r)));
  }

  @Override
  public List<Step> drop(Routine r, Catalog side, Context c) {
    return List.of(Step.of(r.id(), Action.DROP, "drop " + r.id().kind().word().toLowerCase(), drop(r), create(r)));
  }

  @Override
  public List<Step> alter(Routine from, Routine to, Context c) {
    if (to.id().kind() == Kind.AGGREGATE || !Objects.equals(from.result(), to.result())
        || !Objects.equals(from.arguments(), to.arguments())) {
      return null;
    }
    return List.of(Step.of(to.id(), Action.ALTER, "replace " + to.id().kind().word().toLowerCase(), create(to),
        create(from)));
  }
}
