package retort.diff;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import retort.catalog.DbObject;

/**
 * The comparer of each modelled kind. Adding a kind means adding its record in {@code retort.catalog}
 * (and the columns its query reads) and one comparer here.
 */
final class Comparers {

  private static final Map<Class<?>, Comparer<?>> BY_TYPE = List.<Comparer<?>>of(
      new SchemaComparer(),
      new ExtensionComparer(),
      new RoleComparer(),
      new EnumComparer(),
      new SequenceComparer(),
      new TableComparer(),
      new ColumnComparer(),
      new ConstraintComparer(),
      new IndexComparer(),
      new ViewComparer(),
      new RoutineComparer(),
      new TriggerComparer(),
      new PolicyComparer(),
      new DefaultAclComparer())
      .stream().collect(Collectors.toUnmodifiableMap(Comparer::type, Function.identity()));

  private Comparers() {}

  /** The comparer of the object's kind, or null for a kind that is read but not compared yet. */
  static Comparer<?> of(DbObject o) {
    return o == null ? null : BY_TYPE.get(o.getClass());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  static boolean inline(DbObject o) {
    Comparer c = BY_TYPE.get(o.getClass());
    return c != null && c.inline(o);
  }
}
