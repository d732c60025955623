package retort.db;

/** A schema-qualified table name, quoted for SQL where it is used. */
public record TableName(String schema, String table) {

  public String sql() {
    return quote(schema) + "." + quote(table);
  }

  public TableName sibling(String name) {
    return new TableName(schema, name);
  }

  public static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public String toString() {
    return schema + "." + table;
  }
}
