package retort.scratch;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import retort.catalog.Catalog;
import retort.catalog.Column;
import retort.catalog.Constraint;
import retort.catalog.DbObject;
import retort.catalog.EnumType;
import retort.catalog.Kind;
import retort.catalog.ObjectId;
import retort.catalog.Table;

/**
 * Puts one row into each table of a copy of head where its constraints allow, so that a plan is proven
 * on tables that hold data: a column added NOT NULL without a default, or a type change that cannot
 * cast, fails here as it would in production. A table whose row cannot be made stays empty.
 */
final class Seeder {

  private static final Pattern SINGLE_FK =
      Pattern.compile("^FOREIGN KEY \\(([^,()]+)\\) REFERENCES (.+)\\(([^,()]+)\\)");

  private Seeder() {}

  /**
   * Seeds what it can, in the connection's open transaction, and returns the row count of every table.
   * A column gets a value when it is NOT NULL at head or becomes so in the declared schema; the others
   * stay null, as a column a new foreign key will reference is until filled.
   */
  static Map<ObjectId, Long> seed(Connection c, Catalog head, Catalog declared) throws SQLException {
    StringBuilder block = new StringBuilder("DO $retort$\nBEGIN\n");
    int n = 0;
    for (Table t : order(head)) {
      if (!t.partitioned()) {
        // each insert in a block of its own: a row that breaks a constraint is left out, not the rest
        block.append("  BEGIN ").append(insert(t, head, declared)).append("; EXCEPTION WHEN OTHERS THEN NULL; END;\n");
        n++;
      }
    }
    if (n > 0) {
      try (Statement s = c.createStatement()) {
        s.setEscapeProcessing(false);
        s.execute(block.append("END\n$retort$").toString());
      }
    }
    return counts(c, head.all(Table.class));
  }

  /** The row count of each table, in one query. */
  static Map<ObjectId, Long> counts(Connection c, List<Table> tables) throws SQLException {
    Map<ObjectId, Long> counts = new LinkedHashMap<>();
    if (tables.isEmpty()) {
      return counts;
    }
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", count(*) FROM ONLY ")
          .append(tables.get(i).id().qualified());
    }
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
      while (rs.next()) {
        counts.put(tables.get(rs.getInt(1)).id(), rs.getLong(2));
      }
    }
    return counts;
  }

  /** Tables in an order where a table comes after the tables its foreign keys reference. */
  private static List<Table> order(Catalog head) {
    List<Table> tables = head.all(Table.class);
    Map<ObjectId, Set<ObjectId>> refs = new HashMap<>();
    for (Constraint k : head.all(Constraint.class)) {
      if (k.isForeignKey()) {
        for (ObjectId dep : head.dependsOn(k.id())) {
          ObjectId table = dep.kind() == Kind.COLUMN ? ObjectId.of(Kind.TABLE, dep.schema(), dep.name()) : dep;
          if (table.kind() == Kind.TABLE && !table.equals(k.container())) {
            refs.computeIfAbsent(k.container(), x -> new TreeSet<>()).add(table);
          }
        }
      }
    }
    List<Table> out = new ArrayList<>();
    Set<ObjectId> placed = new TreeSet<>();
    for (int round = 0; round <= tables.size() && out.size() < tables.size(); round++) {
      for (Table t : tables) {
        if (!placed.contains(t.id()) && placed.containsAll(refs.getOrDefault(t.id(), Set.of()))) {
          placed.add(t.id());
          out.add(t);
        }
      }
    }
    for (Table t : tables) {
      if (!placed.contains(t.id())) {
        out.add(t);
      }
    }
    return out;
  }

  private static String insert(Table t, Catalog head, Catalog declared) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ObjectId id : head.children(t.id())) {
      DbObject o = head.get(id);
      boolean needed = o instanceof Column col && (col.notNull()
          || declared.get(id) instanceof Column later && later.notNull());
      if (needed && o instanceof Column col && col.defaultExpr() == null && col.generated() == null
          && !col.isIdentity()) {
        values.put(id.quotedMember(), value(col, head));
      }
    }
    for (ObjectId id : head.children(t.id())) {
      if (head.get(id) instanceof Constraint k && k.isForeignKey()) {
        Matcher m = SINGLE_FK.matcher(k.definition());
        if (m.find() && values.containsKey(m.group(1))) {
          values.put(m.group(1), "(SELECT " + m.group(3) + " FROM " + m.group(2) + " LIMIT 1)");
        }
      }
    }
    if (values.isEmpty()) {
      return "INSERT INTO " + t.id().qualified() + " DEFAULT VALUES";
    }
    return "INSERT INTO " + t.id().qualified() + " (" + String.join(", ", values.keySet()) + ") VALUES ("
        + String.join(", ", values.values()) + ")";
  }

  private static String value(Column c, Catalog head) {
    String type = c.type();
    if (type.endsWith("[]")) {
      return "'{}'";
    }
    for (EnumType e : head.all(EnumType.class)) {
      if (e.id().qualified().equals(type)) {
        return "pg_catalog.enum_first(NULL::" + type + ")";
      }
    }
    String base = type.replaceAll("\\(.*\\)", "");
    return switch (base) {
      case "smallint", "integer", "bigint", "numeric", "real", "double precision", "money" -> "1";
      case "boolean" -> "true";
      case "date" -> "CURRENT_DATE";
      case "timestamp with time zone", "timestamp without time zone" -> "now()";
      case "time without time zone", "time with time zone" -> "'00:00'";
      case "interval" -> "'1 day'";
      case "uuid" -> "'00000000-0000-0000-0000-000000000001'";
      case "json", "jsonb" -> "'{}'";
      case "bytea" -> "'\\x00'";
      case "inet", "cidr" -> "'127.0.0.1'";
      case "daterange", "tsrange", "tstzrange" -> "'[2000-01-01,2000-01-02)'";
      case "int4range", "int8range", "numrange" -> "'[1,2)'";
      case "tsvector" -> "''";
      default -> "'1'";
    };
  }
}
