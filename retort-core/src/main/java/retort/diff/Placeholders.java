package retort.diff;

import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.EnumType;

/**
 * A value of a column's type that stands in for data a downgrade cannot restore: a dropped NOT NULL
 * column comes back filled with it (its structure restored, its data not), as an empty string, a zero,
 * an enum's first label. Null for a type without an obvious one.
 */
final class Placeholders {

  private Placeholders() {}

  static String of(Column c, Catalog side) {
    String type = c.type();
    if (type.endsWith("[]")) {
      return "'{}'";
    }
    for (EnumType e : side.all(EnumType.class)) {
      if (e.id().qualified().equals(type) && !e.labels().isEmpty()) {
        return Sql.literal(e.labels().get(0));
      }
    }
    String base = type.replaceAll("\\(.*\\)", "");
    return switch (base) {
      case "smallint", "integer", "bigint", "numeric", "real", "double precision", "money" -> "0";
      case "text", "character varying", "character", "citext", "name", "bytea", "tsvector" -> "''";
      case "boolean" -> "false";
      case "date", "timestamp with time zone", "timestamp without time zone" -> "'epoch'";
      case "time without time zone", "time with time zone" -> "'00:00'";
      case "interval" -> "'0'";
      case "uuid" -> "'00000000-0000-0000-0000-000000000000'";
      case "json", "jsonb" -> "'{}'";
      case "inet", "cidr" -> "'0.0.0.0'";
      case "daterange", "tsrange", "tstzrange", "int4range", "int8range", "numrange" -> "'empty'";
      default -> null;
    };
  }
}
