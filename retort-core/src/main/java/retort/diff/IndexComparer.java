package retort.diff;

import java.util.List;
import retort.catalog.Catalog;
import retort.catalog.Index;
import retort.catalog.Names;

/**
 * Indexes. On a table that is kept (and may hold rows) they are built and dropped concurrently, in a
 * non-transactional revision; a redefined index there is replaced online: the old one renamed aside,
 * the new one built concurrently, the old one dropped concurrently.
 */
final class IndexComparer implements Comparer<Index> {

  private static final String CREATE_UNIQUE_INDEX = "CREATE UNIQUE INDEX ";
  private static final String CREATE_INDEX = "CREATE INDEX ";

  @Override
  public Class<Index> type() {
    return Index.class;
  }

  /** A {@code pg_get_indexdef} statement made concurrent and repeatable ({@code IF NOT EXISTS}). */
  static String concurrently(String definition) {
    if (definition.startsWith(CREATE_UNIQUE_INDEX)) {
      return "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + definition.substring(CREATE_UNIQUE_INDEX.length());
    }
    return "CREATE INDEX CONCURRENTLY IF NOT EXISTS " + definition.substring(CREATE_INDEX.length());
  }

  private static String dropSql(Index i, boolean concurrently) {
    return "DROP INDEX " + (concurrently ? "CONCURRENTLY IF EXISTS " : "") + i.id().qualified();
  }

  private static boolean online(Index i, Context context) {
    return context.lockSafe(i.container()) && !partitioned(i, context);
  }

  private static boolean partitioned(Index i, Context context) {
    return context.to().get(i.container()) instanceof retort.catalog.Table t && t.partitioned();
  }

  /**
   * The statement that creates the index. {@code pg_get_indexdef} writes a partitioned table's index
   * {@code ON ONLY}, which would build it on the parent alone; without ONLY it is built on every
   * partition too, as declared.
   */
  private static String create(Index i) {
    return i.definition().replaceFirst(" ON ONLY ", " ON ");
  }

  @Override
  public List<Step> create(Index i, Catalog side, Context context) {
    if (online(i, context)) {
      return List.of(Step.of(i.id(), Action.CREATE, "create index concurrently", concurrently(i.definition()),
          dropSql(i, true)).concurrent());
    }
    return List.of(Step.of(i.id(), Action.CREATE, "create index", create(i), dropSql(i, false)));
  }

  @Override
  public List<Step> drop(Index i, Catalog side, Context context) {
    if (context.lockSafe(i.container()) && !partitioned(i, context)) {
      return List.of(Step.of(i.id(), Action.DROP, "drop index concurrently", dropSql(i, true),
          concurrently(i.definition())).concurrent());
    }
    return List.of(Step.of(i.id(), Action.DROP, "drop index", dropSql(i, false), create(i)));
  }

  @Override
  public List<Step> alter(Index from, Index to, Context context) {
    if (!online(to, context)) {
      return null;
    }
    String aside = aside(from.id().name());
    String asideRef = Names.qualified(from.id().schema(), aside);
    String asideDefinition = from.definition().replaceFirst(
        "^(CREATE (UNIQUE )?INDEX )" + java.util.regex.Pattern.quote(Names.quote(from.id().name())) + " ",
        "$1" + java.util.regex.Matcher.quoteReplacement(Names.quote(aside)) + " ");
    return List.of(
        Step.of(to.id(), Action.ALTER, "rename index aside",
            "ALTER INDEX " + from.id().qualified() + " RENAME TO " + Names.quote(aside),
            "ALTER INDEX " + asideRef + " RENAME TO " + Names.quote(from.id().name())),
        Step.of(to.id(), Action.ALTER, "create index concurrently", concurrently(to.definition()), dropSql(to, true))
            .concurrent(),
        Step.of(to.id(), Action.ALTER, "drop old index concurrently", "DROP INDEX CONCURRENTLY IF EXISTS " + asideRef,
            concurrently(asideDefinition)).concurrent());
  }

  private static String aside(String name) {
    String suffix = "_retort_old";
    return (name.length() + suffix.length() <= 63 ? name : name.substring(0, 63 - suffix.length())) + suffix;
  }
}
