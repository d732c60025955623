package retort.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of relations.sql: tables, views, materialized views, sequences and composite types. Foreign
 * tables are named as not modelled. A partition's parent, an inheriting table's parents and a
 * sequence's owner are resolved once every row is read.
 */
final class RelationRows {

  private RelationRows() {}

  static void read(ResultSet rs, CatalogBuilder b) throws SQLException {
    List<Runnable> later = new ArrayList<>();
    while (rs.next()) {
      long oid = rs.getLong("oid");
      String schema = rs.getString("schema");
      String name = rs.getString("name");
      char kind = Row.ch(rs, "relkind");
      String comment = rs.getString("comment");
      Acl acl = Row.acl(rs);
      String owner = rs.getString("owner");
      switch (kind) {
        case 'r', 'p' -> {
          ObjectId id = ObjectId.of(Kind.TABLE, schema, name);
          b.name("pg_class", oid, id);
          char persistence = Row.ch(rs, "relpersistence");
          boolean rls = rs.getBoolean("relrowsecurity");
          boolean force = rs.getBoolean("relforcerowsecurity");
          List<String> options = Row.strings(rs, "reloptions", true);
          String partKey = rs.getString("partkey");
          String bound = rs.getString("partbound");
          long[] parents = Row.oids(rs, "parents");
          char replIdent = Row.ch(rs, "relreplident");
          String replIndex = rs.getString("replident_index");
          later.add(() -> {
            ObjectId partitionOf = null;
            List<ObjectId> inherits = new ArrayList<>();
            for (long p : parents) {
              ObjectId parent = b.find("pg_class", p);
              if (bound != null && partitionOf == null) {
                partitionOf = parent;
              } else if (parent != null) {
                inherits.add(parent);
              }
            }
            b.add(new Table(id, persistence, rls, force, options, partKey, partitionOf, bound, inherits, replIdent,
                replIndex), "pg_class", oid, comment, acl);
          });
        }
        case 'v', 'm' -> {
          ObjectId id = ObjectId.of(kind == 'v' ? Kind.VIEW : Kind.MATVIEW, schema, name);
          String definition = rs.getString("viewdef").strip();
          if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
          }
          b.add(new View(id, definition, Row.strings(rs, "reloptions", true)), "pg_class", oid, comment, acl);
        }
        case 'c' -> {
          ObjectId id = ObjectId.of(Kind.COMPOSITE, schema, name);
          b.name("pg_class", oid, id);
          b.composites.put(oid, new java.util.ArrayList<>());
          b.finish.add(() -> b.add(new CompositeType(id, b.composites.get(oid)), "pg_class", oid, comment, acl));
        }
        case 'S' -> sequence(rs, b, oid, ObjectId.of(Kind.SEQUENCE, schema, name), comment, acl);
        default -> {
          b.unmodelled.add("foreign table " + schema + "." + name);
          continue;
        }
      }
      ObjectId self = b.find("pg_class", oid);
      b.owner(self, owner);
      b.name("pg_type", rs.getLong("reltype"), self);
      b.name("pg_type", rs.getLong("typarray"), self);
    }
    for (Runnable r : later) {
      r.run();
    }
  }

  private static void sequence(ResultSet rs, CatalogBuilder b, long oid, ObjectId id, String comment, Acl acl)
      throws SQLException {
    b.name("pg_class", oid, id);
    String type = rs.getString("seqtype");
    long start = rs.getLong("seqstart");
    long increment = rs.getLong("seqincrement");
    long min = rs.getLong("seqmin");
    long max = rs.getLong("seqmax");
    long cache = rs.getLong("seqcache");
    boolean cycle = rs.getBoolean("seqcycle");
    long ownerRel = rs.getLong("owner_rel");
    boolean owned = !rs.wasNull();
    int ownerCol = rs.getInt("owner_col");
    boolean identity = Row.ch(rs, "owner_deptype") == 'i';
    b.finish.add(() -> {
      ObjectId column = owned ? b.column(ownerRel, ownerCol) : null;
      ObjectId container = column;
      b.add(new Sequence(id, container, type, start, increment, min, max, cache, cycle, identity ? null : column,
          identity && column != null), "pg_class", oid, comment, acl);
    });
  }
}
