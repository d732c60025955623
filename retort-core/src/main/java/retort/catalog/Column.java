package retort.catalog;

import java.util.List;

/**
 * A column of a table, view or composite type (its attribute).
 *
 * @param position the column's place among the live columns, from 1
 * @param type the type as {@code format_type} prints it, qualified when not in pg_catalog
 * @param defaultExpr the default as {@code pg_get_expr} prints it, or null
 * @param identity {@code a} (ALWAYS), {@code d} (BY DEFAULT) or {@code ' '}
 * @param generated the expression of a stored generated column, or null
 * @param collation the collation when it is not the type's default ({@code "C"}), else null
 * @param storage the storage ({@code p e m x}) when it is not the type's default, else null
 * @param compression the compression method ({@code pglz}, {@code lz4}) when set, else null
 * @param statistics the statistics target when set, else null
 * @param options attribute options ({@code n_distinct=100}), sorted
 * @param local whether the column is defined by this table (not only inherited)
 */
public record Column(ObjectId id, ObjectId container, int position, String type, boolean notNull,
    String defaultExpr, char identity, String generated, String collation, Character storage, String compression,
    Integer statistics, List<String> options, boolean local) implements DbObject {

  public Column {
    options = List.copyOf(options);
  }

  public boolean isIdentity() {
    return identity == 'a' || identity == 'd';
  }
}
